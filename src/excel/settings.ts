/** Last-run settings kept in the workbook (Office document settings), and the UI language. */

export function loadSetting<T>(key: string): T | null {
  const value: unknown = Office.context.document.settings.get(key);
  return value === null || value === undefined ? null : (value as T);
}

/** Sets the value and saves the settings into the document; rejects when Office cannot save. */
export function saveSetting<T>(key: string, value: T): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(key, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`Office could not save the setting '${key}': ${result.error.message}`));
      } else {
        resolve();
      }
    });
  });
}

/** e.g. "sv-SE". */
export function displayLanguage(): string {
  return Office.context.displayLanguage;
}
