import { createApp } from "vue";
// Registers <messenger-check> before the app renders it (so Vue sets `answers` as a property).
import "messenger-check/element";
// Template types for <messenger-check> (Vue's GlobalComponents), checked by vue-tsc.
import type {} from "messenger-check/vue";
import App from "./App.vue";

createApp(App).mount("#app");
