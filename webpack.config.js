/* eslint-disable no-undef */
/*
 * Bundles the two pages of the add-in, in the shape of Microsoft's task-pane template:
 *   taskpane.html + taskpane.js  (src/taskpane/)  the pane
 *   commands.html + commands.js  (src/commands/)  the ribbon's function file
 * plus assets/* and manifest*.xml. A production build rewrites every URL in the manifest
 * (SourceLocation, icons, SupportUrl, LearnMoreUrl, the function file...) from the dev server
 * https://localhost:3000/ to one base URL, where dist/ will be served:
 *   STATSBIDRAG_BASE_URL=https://addins.kommun.se/statsbidrag/ npm run build
 * The base must be https. Without it the build uses a placeholder host and warns; a URL that
 * is not on the dev server fails the build, so no URL can be left behind.
 *
 * Browser only: no Node built-in may enter the bundle (the build fails if one is imported),
 * Office.js comes from Microsoft's CDN, and CSS is a plain file linked from the page.
 */

const path = require("path");
const { builtinModules } = require("module");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");

const urlDev = "https://localhost:3000/";
/** Used when no base URL is configured: a build that deploys nowhere, with a warning. */
const PLACEHOLDER_BASE_URL = "https://statsbidrag.example.org/";
const devServerPort = Number(
  process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port || 3000
);

/** Production budget per page (uncompressed, minified): webpack warns above it. */
const BUDGET_BYTES = 150 * 1024;

function withSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The production base URL: STATSBIDRAG_BASE_URL (ADDIN_PROD_URL, the older name, also works),
 * else the placeholder. Must be an absolute https URL without query or fragment.
 */
function productionBaseUrl(env = process.env) {
  const configured = env.STATSBIDRAG_BASE_URL || env.ADDIN_PROD_URL;
  const base = withSlash((configured || PLACEHOLDER_BASE_URL).trim());
  let parsed;
  try {
    parsed = new URL(base);
  } catch {
    throw new Error(`STATSBIDRAG_BASE_URL "${base}" is not a URL.`);
  }
  if (parsed.protocol !== "https:")
    throw new Error(
      `STATSBIDRAG_BASE_URL "${base}" must use https: Office loads add-ins only over https.`
    );
  if (parsed.search || parsed.hash)
    throw new Error(`STATSBIDRAG_BASE_URL "${base}" must not have a query or fragment.`);
  return { base, configured: Boolean(configured) };
}

/**
 * Every http(s) URL in the manifest, namespaces aside, rewritten from the dev server to
 * `base`. Throws when a URL is not on the dev server: it would be left pointing elsewhere.
 */
function rewriteManifest(xml, base) {
  return xml.replace(
    /(\s([\w:]+)=")(https?:\/\/[^"]*)"|>(https?:\/\/[^<]*)</g,
    (all, head, name, attr, text) => {
      const url = attr ?? text;
      if (name && name.startsWith("xmlns")) return all;
      if (!url.startsWith(urlDev))
        throw new Error(
          `manifest URL ${url} is not on ${urlDev}; every URL must be, so the build can move it to the base URL.`
        );
      const moved = base + url.slice(urlDev.length);
      return attr !== undefined ? `${head}${moved}"` : `>${moved}<`;
    }
  );
}

/**
 * Certificates for https://localhost from office-addin-dev-certs (which installs its CA in
 * the user's trust store the first time, as `npm start` does). With
 * STATSBIDRAG_DEV_CERTS=self-signed the dev server makes its own certificate instead and no
 * trust store is touched (CI, containers; Office will not trust that certificate).
 */
async function getHttpsOptions() {
  if (process.env.STATSBIDRAG_DEV_CERTS === "self-signed") {
    return undefined;
  }
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * The dev server's own client (live reload, HMR) uses the npm "events" shim; it is only
 * in `webpack serve` bundles, never in a build.
 */
const DEV_SERVER_RUNTIME =
  /[\\/]node_modules[\\/](webpack[\\/]hot|webpack-dev-server[\\/]client)[\\/]/;

/** Fails the build when any bundled module asks for a Node built-in (or an npm shim of one). */
class NoNodeBuiltinsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("NoNodeBuiltinsPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("NoNodeBuiltinsPlugin", (modules) => {
        for (const module of modules) {
          if (module.resource && DEV_SERVER_RUNTIME.test(module.resource)) {
            continue;
          }
          const requests = new Set(
            (module.dependencies || [])
              .map((dependency) => dependency.request)
              .filter(
                (request) =>
                  typeof request === "string" && nodeBuiltins.has(request.replace(/\/$/, ""))
              )
          );
          for (const request of requests) {
            const where = module.resource
              ? path.relative(__dirname, module.resource)
              : module.identifier();
            compilation.errors.push(
              new Error(
                `${where}: imports the Node built-in "${request}", which must not enter the browser bundle.`
              )
            );
          }
        }
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const production = dev ? null : productionBaseUrl();
  if (production && !production.configured) {
    console.warn(
      `statsbidrag: no STATSBIDRAG_BASE_URL set; the manifest in dist/ points at ${PLACEHOLDER_BASE_URL}. Set it to the https address where dist/ will be served.`
    );
  }
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const config = {
    target: ["web", "es2020"],
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    // No Node globals (global, __dirname, ...) polyfilled into browser code.
    node: false,
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.web.json"),
              transpileOnly: false,
              // Type errors of the bundled files fail the build; `npm run typecheck` covers the rest.
              onlyCompileBundledFiles: true,
              compilerOptions: { sourceMap: dev },
            },
          },
        },
        {
          // `import cssUrl from "./x.css"` emits the file beside the page; link it there.
          test: /\.css$/,
          type: "asset/resource",
          generator: { filename: "[name][ext]" },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new NoNodeBuiltinsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            // The pane's stylesheet(s), linked from taskpane.html as a plain file.
            from: "src/taskpane/*.css",
            to: "[name][ext]",
            noErrorOnMissing: true,
          },
          {
            from: "assets/*",
            to: "assets/[name][ext][query]",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : rewriteManifest(content.toString(), production.base);
            },
          },
        ],
      }),
    ],
    performance: dev
      ? { hints: false }
      : {
          hints: "warning",
          maxAssetSize: BUDGET_BYTES,
          maxEntrypointSize: BUDGET_BYTES,
          assetFilter: (file) => /\.(js|css)$/.test(file),
        },
    devServer: {
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: serving ? await getHttpsOptions() : undefined,
      },
      port: devServerPort,
    },
  };

  return config;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.productionBaseUrl = productionBaseUrl;
