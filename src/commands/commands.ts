/*
 * Ribbon commands (the manifest's FunctionFile). The "Statsbidrag" button on the Home tab
 * opens the pane declaratively (ShowTaskpane); this file only registers actions that an
 * ExecuteFunction control may name. Office.onReady is called once, here.
 */

/** Action names as written in a manifest <FunctionName>; test/unit/manifest checks them. */
export const ACTIONS = ["showPane"] as const;

/**
 * Shows the task pane where the host can do it from a command (SharedRuntime 1.1);
 * elsewhere the ribbon's ShowTaskpane button does it. Always completes the event, or
 * Office keeps the command spinning.
 */
export async function showPane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) {
      await Office.addin.showAsTaskpane();
    }
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("showPane", showPane);
});
