// messenger-check for WordPress: the page script. It loads the widget from this plugin's own
// folder (../widget/, the npm package's files) and hands each <messenger-check> the settings
// the block or shortcode wrote into its data-messenger-check attribute: colours as CSS custom
// properties (through the CSSOM, so a strict style-src allows them) and catalog overrides
// (alternatives, call to action). Nothing is sent anywhere. Until the widget is there, the
// element shows its loading note (light DOM); if the widget cannot load, it says so.
const elements = [...document.querySelectorAll("messenger-check[data-messenger-check]")];
try {
  const { THEME_PROPERTIES } = await import("../widget/index.js");
  await import("../widget/element.js");
  for (const element of elements) {
    let config;
    try {
      config = JSON.parse(element.getAttribute("data-messenger-check") || "{}");
    } catch (error) {
      console.error("messenger-check: the block's settings are not valid JSON:", error);
      continue;
    }
    // Colours only, as the settings store them (sanitize_hex_color): a hex value cannot make the
    // browser load anything, where CSS.supports alone would pass `var(--x, red) url(…)`.
    for (const [field, value] of Object.entries(config.theme || {})) {
      const property = THEME_PROPERTIES[field]?.property;
      if (property && THEME_PROPERTIES[field].kind === "color" && typeof value === "string" && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) {
        element.style.setProperty(property, value);
      }
    }
    if (config.catalog) element.catalog = config.catalog;
  }
} catch (error) {
  console.error("messenger-check could not load the widget:", error);
  for (const element of elements) {
    const note = element.querySelector(".messenger-check-loading");
    if (note) note.textContent = element.lang === "en" ? "The messenger check could not load." : "Der Messenger-Check konnte nicht geladen werden.";
  }
}
