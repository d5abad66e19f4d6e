// messenger-check-frame.js: the host page's helper for the iframe way (the one name of this
// file everywhere: the built site, the npm package, the embed builder's zip).
//   <iframe data-messenger-check src="https://<where the files live>/embed.html?…" title="Messenger-Check"></iframe>
//   <script src="https://<where the files live>/messenger-check-frame.js" defer></script>
// It lays the frame out as part of the page: the full width of its column, no border, as tall
// as its content (the frame says how tall), and it tells the frame which part of it the
// visitor sees, so the frame can keep the score in view (the sticky score bar) while the page
// scrolls. Origin-checked both ways: messages go only to the frame's origin, and only height
// messages from that frame's window and origin are read. The frame sends only its height; the
// page sends only the hello and what part of the frame is on screen. No inline script or style
// attribute: the layout is set through the CSSOM, so a strict host policy allows it.
(() => {
  const MAX = 20000;
  for (const frame of document.querySelectorAll("iframe[data-messenger-check]")) {
    const origin = new URL(frame.src, location.href).origin;
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.maxWidth = "100%";
    frame.style.border = "0";
    const send = (message) => {
      const win = frame.contentWindow;
      if (!win) return;
      try {
        // Still the empty document a frame starts with: its load event will say hello.
        if (win.location.href === "about:blank") return;
      } catch {
        // Another origin's page: the widget's.
      }
      win.postMessage(message, origin);
    };
    const hello = () => {
      send({ type: "messenger-check:hello" });
      view();
    };
    // Which part of the frame is on screen, in the frame's CSS pixels: from `top` (0 when the
    // frame starts inside the viewport) for `height` pixels (0 when it is off screen).
    let queued = false;
    const view = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        const box = frame.getBoundingClientRect();
        const top = Math.max(0, -box.top);
        const height = Math.max(0, Math.min(window.innerHeight, box.bottom) - Math.max(0, box.top));
        send({ type: "messenger-check:view", top: Math.round(top), height: Math.round(height) });
      });
    };
    window.addEventListener("message", (event) => {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      const data = event.data;
      if (!data || data.type !== "messenger-check:height" || !Number.isFinite(data.height)) return;
      frame.style.height = `${Math.min(MAX, Math.max(0, Math.ceil(data.height)))}px`;
      view();
    });
    window.addEventListener("scroll", view, { passive: true });
    window.addEventListener("resize", view);
    frame.addEventListener("load", hello);
    hello();
  }
})();
