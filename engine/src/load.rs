//! Loading a catalog: its files read and checked (`catalog::read`, `catalog::validate`), then
//! the scale calibrated with the exact range search (`crate::search`), which needs the scoring
//! core one layer above the catalog's data. Only loading makes a `Catalog` from files.
use std::sync::OnceLock;

use crate::catalog::{read, Catalog, CatalogData, CatalogError};

impl Catalog {
    /// Loads a catalog from its files (name, content), validating everything.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Catalog, CatalogError> {
        calibrated(read::data(files)?)
    }

    /// The catalog of `engine/catalog/`, embedded in the binary and loaded once.
    ///
    /// # Panics
    /// If the embedded catalog is invalid, which the test suite (and, for the widget, the
    /// build) rules out.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::from_files(&read::EMBEDDED_FILES)
                .unwrap_or_else(|e| panic!("the embedded catalog is invalid: {e}"))
        })
    }
}

/// The range search's pivot and the points of the worst setup. The score is the sum of the
/// factors' points, with no cap: the worst setup the questions can describe must not exceed
/// 100 (then a worse setup always scores higher).
fn calibrated(mut data: CatalogData) -> Result<Catalog, CatalogError> {
    let draft = Catalog::from_data(data.clone());
    data.pivot = crate::search::most_read_question(&draft);
    let draft = Catalog::from_data(CatalogData { pivot: data.pivot, ..data.clone() });
    let worst = crate::search::max_points_exact(&draft);
    if worst > 100 {
        return Err(CatalogError::new(
            "rules.json",
            "",
            "",
            format!("the worst setup the questions allow adds up to {worst} points; the scale ends at 100: lower some points"),
        ));
    }
    data.max_points = worst;
    Ok(Catalog::from_data(data))
}
