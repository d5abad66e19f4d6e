// messenger-check iframe sizing: include with <script src="snippet.js" defer></script> and mark
// the frame <iframe data-messenger-check src="https://<widget origin>/embed.html">.
// Origin-checked both ways: the hello goes only to the frame's origin, and only height
// messages from that frame's window and origin are read. Nothing else is exchanged.
(() => {
  const MAX = 20000;
  for (const frame of document.querySelectorAll("iframe[data-messenger-check]")) {
    const origin = new URL(frame.src, location.href).origin;
    const hello = () => {
      const win = frame.contentWindow;
      if (!win) return;
      try {
        // Still the empty document a frame starts with: its load event will say hello.
        if (win.location.href === "about:blank") return;
      } catch {
        // Another origin's page: the widget's.
      }
      win.postMessage({ type: "messenger-check:hello" }, origin);
    };
    window.addEventListener("message", (event) => {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      const data = event.data;
      if (!data || data.type !== "messenger-check:height" || !Number.isFinite(data.height)) return;
      frame.style.height = `${Math.min(MAX, Math.max(0, Math.ceil(data.height)))}px`;
    });
    frame.addEventListener("load", hello);
    hello();
  }
})();
