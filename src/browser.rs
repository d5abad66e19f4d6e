//! The browser services the widget uses: print (and hearing that the browser is about to),
//! file downloads, today's date, "after the next paint" and the opt-in answer memory in
//! `localStorage`. Plain web-sys calls; every failure (no window,
//! storage disabled, a quota) is swallowed, so that none of them can break the widget.
//!
//! Privacy Invariant: `localStorage` is written only by `remember` and `remember_company`,
//! which the widget calls only while the visitor has ticked "remember my answers on this
//! device"; `forget` deletes both keys.
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The `localStorage` key of the remembered answers (the share-link encoding).
pub const STORAGE_KEY: &str = "messenger-check:v1";

/// The `localStorage` key of the business's name the visitor typed for the templates
/// (`components::Templates`), kept with the answers.
pub const COMPANY_KEY: &str = "messenger-check:v1:company";

/// Opens the browser's print dialog (where "save as PDF" lives).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Runs `f` after the browser has painted the next frame (at once outside a browser).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let in_task = Closure::once_into_js(f);
    let after_frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(in_task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
}

/// A `beforeprint` listener on the window; removed when dropped.
pub struct PrintListener(Option<Closure<dyn FnMut()>>);

/// Calls `f` when the browser is about to print (the print dialog, or "save as PDF"): what
/// changes the page then is in the print.
pub fn on_before_print(f: impl FnMut() + 'static) -> PrintListener {
    let Some(window) = web_sys::window() else { return PrintListener(None) };
    let closure = Closure::<dyn FnMut()>::new(f);
    match window.add_event_listener_with_callback("beforeprint", closure.as_ref().unchecked_ref()) {
        Ok(()) => PrintListener(Some(closure)),
        Err(_) => PrintListener(None),
    }
}

impl Drop for PrintListener {
    fn drop(&mut self) {
        if let (Some(c), Some(w)) = (self.0.take(), web_sys::window()) {
            let _ = w.remove_event_listener_with_callback("beforeprint", c.as_ref().unchecked_ref());
        }
    }
}

/// Today's date in the visitor's time zone, `YYYY-MM-DD`. (Outside a browser, when the page is
/// prerendered at build time: today in UTC.)
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let (y, m, d) = civil_from_days((secs / 86_400) as i64);
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
#[cfg(not(target_arch = "wasm32"))]
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Offers `text` as a file download: a Blob, an object URL and a temporary `<a download>`;
/// the URL is revoked a moment later. A `blob:` download is a navigation, which a strict
/// Content-Security-Policy allows.
pub fn download(name: &str, mime: &str, text: &str) {
    let _ = try_download(name, mime, text);
}

fn try_download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    Ok(())
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`), if the browser lets the
/// page; the caller has selected it too, for Ctrl+C.
pub fn copy_text(text: &str) {
    let Some(window) = web_sys::window() else { return };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_object() {
        if let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) {
            if let Some(write) = write.dyn_ref::<js_sys::Function>() {
                // A refusal (no permission) rejects the promise: the selection is still there.
                if let Ok(p) = write.call1(&clipboard, &JsValue::from_str(text)) {
                    if let Some(p) = p.dyn_ref::<js_sys::Promise>() {
                        let ignore = Closure::once_into_js(|_: JsValue| {});
                        if let Ok(catch) = js_sys::Reflect::get(p, &"catch".into()) {
                            if let Some(catch) = catch.dyn_ref::<js_sys::Function>() {
                                let _ = catch.call1(p, &ignore);
                            }
                        }
                    }
                }
            }
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The remembered answers (share-link encoding), if the visitor asked to remember them.
pub fn remembered() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok()?
}

/// Remembers the answers (share-link encoding). Only call it with the visitor's opt-in.
pub fn remember(encoded: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, encoded);
    }
}

/// The remembered business name, if the visitor asked to remember it.
pub fn remembered_company() -> Option<String> {
    storage()?.get_item(COMPANY_KEY).ok()?
}

/// Remembers the business name (an empty one is forgotten). Only call it with the visitor's
/// opt-in.
pub fn remember_company(name: &str) {
    if let Some(s) = storage() {
        let _ = if name.trim().is_empty() { s.remove_item(COMPANY_KEY) } else { s.set_item(COMPANY_KEY, name) };
    }
}

/// Forgets the remembered answers and business name.
pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
        let _ = s.remove_item(COMPANY_KEY);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn days_become_dates() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1));
        assert_eq!(super::civil_from_days(20_415), (2025, 11, 23));
        assert_eq!(super::civil_from_days(11_016), (2000, 2, 29));
    }
}
