/**
 * Offline checks of manifest.xml (`npm run validate` is the online one, against Microsoft's
 * service). Well-formed XML, the elements Office requires in the order the schema wants,
 * the add-in's facts (GUID, sv-SE with en-US overrides, Workbook, ExcelApi 1.7,
 * ReadWriteDocument), icons that exist at the size declared, localhost URLs that the
 * webpack build really serves, and resource ids that are all defined and all used.
 */
import * as fs from "fs";
import * as nodePath from "path";
import { XmlElement, XmlError, child, descendants, parseXml, path } from "./xml";

const ROOT = nodePath.resolve(__dirname, "../../..");
const MANIFEST_FILE = nodePath.join(ROOT, "manifest.xml");
const DEV_ORIGIN_PATTERN = /^https:\/\/localhost:(\d+)\//;

interface PackageJson {
  version: string;
  config: { dev_server_port: number };
}
/** What the test reads of a webpack plugin: HtmlWebpackPlugin's options, CopyPlugin's patterns. */
interface Plugin {
  constructor: { name: string };
  userOptions?: { filename?: string; template?: string; chunks?: string[] };
  patterns?: CopyPattern[];
}
interface CopyPattern {
  from: string;
  transform?: (content: Buffer, absoluteFrom: string) => string | Buffer;
}
interface WebpackConfig {
  entry: Record<string, string>;
  plugins: Plugin[];
  devServer: { port: number };
}
type WebpackConfigFactory = ((
  env: Record<string, boolean>,
  options: { mode: "development" | "production" }
) => Promise<WebpackConfig>) & {
  rewriteManifest(xml: string, base: string): string;
};

const pkg = JSON.parse(fs.readFileSync(nodePath.join(ROOT, "package.json"), "utf8")) as PackageJson;
const webpackConfigFactory = require(
  nodePath.join(ROOT, "webpack.config.js")
) as WebpackConfigFactory;

const manifestText = fs.readFileSync(MANIFEST_FILE, "utf8");
let root: XmlElement;
let all: XmlElement[];

/** Width and height from a PNG's IHDR chunk; throws if the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString("latin1", 12, 16) !== "IHDR"
  ) {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every URL in the manifest: attribute values and text that start with http(s); namespaces aside. */
function allUrls(): { url: string; where: string }[] {
  const urls: { url: string; where: string }[] = [];
  for (const element of all) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (!name.startsWith("xmlns") && /^https?:/i.test(value))
        urls.push({ url: value, where: `<${element.name} ${name}> line ${element.line}` });
    }
    const text = element.text.trim();
    if (/^https?:/i.test(text))
      urls.push({ url: text, where: `<${element.name}> line ${element.line}` });
  }
  return urls;
}

/** The file in assets/ that a localhost icon URL names. */
function assetFor(url: string): string {
  const match = /^https:\/\/localhost:\d+\/(assets\/[\w.-]+\.png)$/.exec(url);
  if (!match) throw new Error(`${url} is not a PNG under https://localhost:<port>/assets/`);
  return nodePath.join(ROOT, match[1]);
}

function defaultValue(element: XmlElement): string {
  const value = element.attributes.DefaultValue;
  if (value === undefined || value.trim() === "") {
    throw new Error(`<${element.name}> on line ${element.line} has no DefaultValue`);
  }
  return value;
}

describe("the XML reader used by this test", () => {
  it.each([
    ["mismatched tags", "<a><b></a></b>"],
    ["an unclosed element", "<a><b/>"],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["an unquoted attribute", "<a x=1/>"],
    ["a bare ampersand", "<a>fish & chips</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["two roots", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["a DOCTYPE", "<!DOCTYPE a><a/>"],
    ["a late XML declaration", '<!-- c --><?xml version="1.0"?><a/>'],
  ])("refuses %s", (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
  });

  it("reads attributes, entities, text and nesting", () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a k=\'v &amp; w\'><b>x &lt; y&#x20;z</b><!-- c --><c/></a>'
    );
    expect(doc.attributes.k).toBe("v & w");
    expect(doc.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(doc.children[0].text).toBe("x < y z");
  });
});

describe("manifest.xml", () => {
  beforeAll(() => {
    root = parseXml(manifestText);
    all = descendants(root);
  });

  it("is well-formed XML, UTF-8, a task-pane add-in", () => {
    expect(manifestText.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(root.name).toBe("OfficeApp");
    expect(root.attributes.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attributes["xmlns:bt"]).toBe(
      "http://schemas.microsoft.com/office/officeappbasictypes/1.0"
    );
  });

  it("has the base elements Office requires, in schema order", () => {
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const names = root.children.map((c) => c.name);
    for (const name of names) expect(order).toContain(name);
    const positions = names.map((name) => order.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]) {
      expect(names).toContain(required);
    }
  });

  it("has a GUID as Id, a four-part Version that follows package.json, and a provider", () => {
    expect(child(root, "Id").text.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
    );
    const version = child(root, "Version").text.trim();
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(version).toBe(`${pkg.version.replace(/-.*$/, "")}.0`);
    expect(child(root, "ProviderName").text.trim()).toBe("Statsbidrag");
  });

  it("speaks Swedish by default, with en-US overrides for name and description", () => {
    expect(child(root, "DefaultLocale").text.trim()).toBe("sv-SE");
    for (const name of ["DisplayName", "Description"]) {
      const element = child(root, name);
      const sv = defaultValue(element);
      const overrides = element.children.filter((c) => c.name === "Override");
      expect(overrides.map((o) => o.attributes.Locale)).toEqual(["en-US"]);
      expect(overrides[0].attributes.Value?.trim()).toBeTruthy();
      expect(overrides[0].attributes.Value).not.toBe(sv);
    }
    expect(defaultValue(child(root, "DisplayName")).length).toBeLessThanOrEqual(125);
    expect(defaultValue(child(root, "Description")).length).toBeLessThanOrEqual(250);
  });

  it("runs in Excel (Workbook) with ExcelApi 1.7 and ReadWriteDocument", () => {
    const hosts = child(root, "Hosts").children;
    expect(hosts.map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    const sets = path(root, "Requirements", "Sets");
    expect(sets.attributes.DefaultMinVersion ?? "1.1").toBe("1.1");
    const excelApi = sets.children.filter(
      (s) => s.name === "Set" && s.attributes.Name === "ExcelApi"
    );
    expect(excelApi).toHaveLength(1);
    expect(excelApi[0].attributes.MinVersion).toBe("1.7");
    expect(child(root, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const overrideHosts = path(root, "VersionOverrides", "Hosts").children;
    expect(overrideHosts.map((h) => h.attributes["xsi:type"])).toEqual(["Workbook"]);
  });

  it("opens taskpane.html, and a Home-tab button shows the same page", () => {
    expect(defaultValue(path(root, "DefaultSettings", "SourceLocation"))).toMatch(
      /^https:\/\/localhost:\d+\/taskpane\.html$/
    );
    const tab = all.find((e) => e.name === "OfficeTab");
    expect(tab?.attributes.id).toBe("TabHome");
    const actions = all.filter(
      (e) => e.name === "Action" && e.attributes["xsi:type"] === "ShowTaskpane"
    );
    expect(actions.length).toBeGreaterThanOrEqual(1);
    const urls = new Map(
      all.filter((e) => e.name === "bt:Url").map((e) => [e.attributes.id, defaultValue(e)] as const)
    );
    for (const action of actions) {
      expect(urls.get(child(action, "SourceLocation").attributes.resid)).toBe(
        defaultValue(path(root, "DefaultSettings", "SourceLocation"))
      );
    }
    const functionFile = all.find((e) => e.name === "FunctionFile");
    expect(urls.get(functionFile?.attributes.resid ?? "")).toMatch(
      /^https:\/\/localhost:\d+\/commands\.html$/
    );
  });

  it("names icons that exist in assets/ at the declared pixel size", () => {
    const expectSize = (url: string, size: number, where: string): void => {
      const file = assetFor(url);
      expect({ where, exists: fs.existsSync(file) }).toEqual({ where, exists: true });
      expect({ where, ...pngSize(file) }).toEqual({ where, width: size, height: size });
    };
    expectSize(defaultValue(child(root, "IconUrl")), 32, "IconUrl");
    expectSize(defaultValue(child(root, "HighResolutionIconUrl")), 64, "HighResolutionIconUrl");

    const images = new Map(
      all
        .filter((e) => e.name === "bt:Image" && e.attributes.id)
        .map((e) => [e.attributes.id, defaultValue(e)] as const)
    );
    const uses = all.filter((e) => e.name === "bt:Image" && e.attributes.resid);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const url = images.get(use.attributes.resid);
      expect({ resid: use.attributes.resid, defined: url !== undefined }).toEqual({
        resid: use.attributes.resid,
        defined: true,
      });
      expectSize(url!, Number(use.attributes.size), `${use.attributes.resid} (line ${use.line})`);
    }
    // Each ribbon icon set has the three sizes Office requires.
    for (const icon of all.filter((e) => e.name === "Icon")) {
      const sizes = icon.children.map((c) => Number(c.attributes.size));
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
    }
    // Every icon file is the size its name says (icon-128.png is the store/high-DPI one).
    const iconFiles = fs
      .readdirSync(nodePath.join(ROOT, "assets"))
      .filter((f) => /^icon-\d+\.png$/.test(f));
    expect(iconFiles.sort()).toEqual([
      "icon-128.png",
      "icon-16.png",
      "icon-32.png",
      "icon-64.png",
      "icon-80.png",
    ]);
    for (const file of iconFiles) {
      const size = Number(/\d+/.exec(file)![0]);
      expect({ file, ...pngSize(nodePath.join(ROOT, "assets", file)) }).toEqual({
        file,
        width: size,
        height: size,
      });
    }
  });

  it("uses only https, and every localhost URL is a page or asset the dev server serves", async () => {
    const config = await webpackConfigFactory({ WEBPACK_BUILD: true }, { mode: "development" });
    const pages = config.plugins
      .filter((p) => p.constructor.name === "HtmlWebpackPlugin")
      .map((p) => p.userOptions?.filename);
    expect(pages.sort()).toEqual(["commands.html", "taskpane.html"]);
    expect(Object.keys(config.entry).sort()).toEqual(["commands", "taskpane"]);
    expect(config.devServer.port).toBe(pkg.config.dev_server_port);

    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(0);
    for (const { url, where } of urls) {
      expect({ where, url: url.slice(0, 8) }).toEqual({ where, url: "https://" });
      const dev = DEV_ORIGIN_PATTERN.exec(url);
      if (!dev) continue;
      expect({ where, port: Number(dev[1]) }).toEqual({ where, port: pkg.config.dev_server_port });
      const rest = url.slice(dev[0].length);
      const served =
        pages.includes(rest) ||
        (rest.startsWith("assets/") && fs.existsSync(nodePath.join(ROOT, rest)));
      expect({ where, url, served }).toEqual({ where, url, served: true });
    }
  });

  it("leaves no localhost URL in a production build's manifest", async () => {
    const config = await webpackConfigFactory({ WEBPACK_BUILD: true }, { mode: "production" });
    const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin");
    const pattern = copy?.patterns?.find((p) => p.from === "manifest*.xml");
    expect(pattern?.transform).toBeDefined();
    const rewritten = String(pattern!.transform!(Buffer.from(manifestText), MANIFEST_FILE));
    expect(rewritten).not.toMatch(/https?:\/\/localhost/);
    expect(() => parseXml(rewritten)).not.toThrow();
  });

  it("has every URL on the dev server, so the production build can move them all (none left at a placeholder)", () => {
    const urls = allUrls();
    expect(urls.map((u) => u.where).join("\n")).toContain("SupportUrl");
    for (const { url, where } of urls)
      expect({ where, url: DEV_ORIGIN_PATTERN.test(url) }).toEqual({ where, url: true });
    const support = defaultValue(child(root, "SupportUrl"));
    const learnMore = all.find(
      (e) => e.name === "bt:Url" && e.attributes.id === "GetStarted.LearnMoreUrl"
    );
    for (const url of [support, defaultValue(learnMore!)]) {
      const file = url.replace(DEV_ORIGIN_PATTERN, "");
      expect(fs.existsSync(nodePath.join(ROOT, file))).toBe(true);
    }
  });

  describe("the production build rewrites every URL from one base URL", () => {
    const saved = { base: process.env.STATSBIDRAG_BASE_URL, old: process.env.ADDIN_PROD_URL };
    afterEach(() => {
      for (const [name, value] of [
        ["STATSBIDRAG_BASE_URL", saved.base],
        ["ADDIN_PROD_URL", saved.old],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    async function productionManifest(): Promise<string> {
      const config = await webpackConfigFactory({ WEBPACK_BUILD: true }, { mode: "production" });
      const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin");
      const pattern = copy!.patterns!.find((p) => p.from === "manifest*.xml")!;
      return String(pattern.transform!(Buffer.from(manifestText), MANIFEST_FILE));
    }

    it("moves SupportUrl, LearnMoreUrl, icons, pages and SourceLocation to STATSBIDRAG_BASE_URL", async () => {
      process.env.STATSBIDRAG_BASE_URL = "https://addins.goteborg.se/statsbidrag";
      const rewritten = parseXml(await productionManifest());
      const before = allUrls();
      all = descendants(rewritten);
      const after = allUrls();
      all = descendants(root);
      expect(after).toHaveLength(before.length);
      after.forEach(({ url, where }, i) => {
        expect({ where, url }).toEqual({
          where,
          url: before[i].url.replace(DEV_ORIGIN_PATTERN, "https://addins.goteborg.se/statsbidrag/"),
        });
      });
      expect(defaultValue(child(rewritten, "SupportUrl"))).toBe(
        "https://addins.goteborg.se/statsbidrag/assets/hjalp.html"
      );
      expect(defaultValue(path(rewritten, "DefaultSettings", "SourceLocation"))).toBe(
        "https://addins.goteborg.se/statsbidrag/taskpane.html"
      );
      // Namespaces are names, not addresses: untouched.
      expect(rewritten.attributes.xmlns).toBe(
        "http://schemas.microsoft.com/office/appforoffice/1.1"
      );
    });

    it("refuses a base URL that is not https", async () => {
      process.env.STATSBIDRAG_BASE_URL = "http://intranat.kommun.se/statsbidrag/";
      await expect(
        webpackConfigFactory({ WEBPACK_BUILD: true }, { mode: "production" })
      ).rejects.toThrow(/must use https/);
    });

    it("fails rather than leave a URL that is not on the dev server", () => {
      const stray = manifestText.replace(
        "https://localhost:3000/assets/hjalp.html",
        "https://example.org/hjalp"
      );
      expect(() => webpackConfigFactory.rewriteManifest(stray, "https://a.se/")).toThrow(
        /https:\/\/example\.org\/hjalp is not on https:\/\/localhost:3000\//
      );
    });
  });

  it("defines every resource id it uses, uses every one it defines, each of the right kind", () => {
    // Which resource group each kind of referring element must point into.
    const kinds: Record<string, string> = {
      "bt:Image": "bt:Images",
      SourceLocation: "bt:Urls",
      FunctionFile: "bt:Urls",
      LearnMoreUrl: "bt:Urls",
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Description: "bt:LongStrings",
    };
    const defined = new Map<string, string>();
    const resources = path(root, "VersionOverrides", "Resources");
    for (const group of resources.children) {
      for (const entry of group.children) {
        const id = entry.attributes.id;
        expect({ id, unique: !defined.has(id) }).toEqual({ id, unique: true });
        expect({ id, length: id.length <= 32 }).toEqual({ id, length: true });
        defined.set(id, group.name);
        defaultValue(entry);
      }
    }
    const used = new Set<string>();
    const visit = (element: XmlElement): void => {
      const resid = element.attributes.resid;
      if (resid !== undefined) {
        used.add(resid);
        expect({ resid, line: element.line, kind: defined.get(resid) }).toEqual({
          resid,
          line: element.line,
          kind: kinds[element.name] ?? `no resource kind known for <${element.name}>`,
        });
      }
      element.children.forEach(visit);
    };
    visit(path(root, "VersionOverrides", "Hosts"));
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("gives every label and tooltip an en-US override within Office's length limits", () => {
    for (const [group, limit] of [
      ["bt:ShortStrings", 125],
      ["bt:LongStrings", 250],
    ] as const) {
      for (const entry of path(root, "VersionOverrides", "Resources", group).children) {
        const where = `${entry.attributes.id} (line ${entry.line})`;
        expect({ where, fits: defaultValue(entry).length <= limit }).toEqual({ where, fits: true });
        const overrides = entry.children.filter((c) => c.name === "bt:Override");
        expect({ where, locales: overrides.map((o) => o.attributes.Locale) }).toEqual({
          where,
          locales: ["en-US"],
        });
        expect({ where, fits: (overrides[0].attributes.Value ?? "").length <= limit }).toEqual({
          where,
          fits: true,
        });
      }
    }
  });

  it("has unique control ids, and every ExecuteFunction names an action commands.ts registers", () => {
    const ids = all
      .filter((e) => e.attributes.id && !e.name.startsWith("bt:"))
      .map((e) => e.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
    const commandsSource = fs.readFileSync(nodePath.join(ROOT, "src/commands/commands.ts"), "utf8");
    const registered = [
      ...commandsSource.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"/g),
    ].map((m) => m[1]);
    for (const action of all.filter(
      (e) => e.name === "Action" && e.attributes["xsi:type"] === "ExecuteFunction"
    )) {
      expect(registered).toContain(child(action, "FunctionName").text.trim());
    }
  });
});
