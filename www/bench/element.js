// make bench: the custom element as the README's recipe embeds it (the package served at ./messenger-check/).
import "./messenger-check/element.js";
