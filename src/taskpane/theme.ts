/**
 * Follows Office's theme: Office's own body and control colours where the host gives them
 * (desktop Excel), else the Fluent 2 light tokens from taskpane.css stay. Set through the
 * CSSOM, which the page's style-src 'self' policy allows.
 */
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

export function applyOfficeTheme(
  theme: OfficeThemeColours | undefined,
  root: HTMLElement = document.documentElement
): void {
  if (!theme) return;
  root.classList.toggle("theme-dark", theme.isDarkTheme === true);
  const set = (token: string, colour: string | undefined) => {
    if (colour && HEX_COLOUR.test(colour)) root.style.setProperty(token, colour);
  };
  set("--colorNeutralBackground1", theme.bodyBackgroundColor);
  set("--colorNeutralForeground1", theme.bodyForegroundColor);
  set("--colorNeutralBackground3", theme.controlBackgroundColor);
  set("--colorNeutralForeground2", theme.controlForegroundColor);
}
