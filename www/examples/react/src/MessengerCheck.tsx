// The widget as a React component, with mount(): an effect mounts it, its cleanup destroys it.
// The `gone` flag is React's usual way to drop the result of an async effect that was cleaned
// up meanwhile; StrictMode (effect, cleanup, effect) then leaves exactly one widget.
import { useEffect, useRef } from "react";
import { mount, type Assessment, type Lang, type Widget } from "messenger-check";

export function MessengerCheck({ lang, onChange }: { lang: Lang; onChange?: (assessment: Assessment) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const widget = useRef<Widget | null>(null);
  // The latest props, for the widget's callback and for a mount still under way.
  const latest = useRef({ lang, onChange });
  useEffect(() => {
    latest.current = { lang, onChange };
  });
  useEffect(() => widget.current?.setLang(lang), [lang]);

  useEffect(() => {
    let gone = false;
    mount(host.current!, { lang: latest.current.lang, onChange: (a) => latest.current.onChange?.(a) }).then((w) => {
      if (gone) return w.destroy();
      widget.current = w;
      w.setLang(latest.current.lang);
    });
    return () => {
      gone = true;
      widget.current?.destroy();
      widget.current = null;
    };
  }, []);

  return <div ref={host} className="messenger-check" />;
}
