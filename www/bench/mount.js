// make bench: mount() as the README's recipe embeds it (the package served at ./messenger-check/).
import { mount } from "./messenger-check/index.js";

await mount(document.getElementById("check"), { lang: "de" });
