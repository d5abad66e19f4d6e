<?php
/**
 * Plugin Name:       Messenger-Check
 * Plugin URI:        https://github.com/messenger-check/messenger-check
 * Description:       How GDPR-safe is a business's use of WhatsApp and other messengers? A check for the businesses that visit your site, as a block and a shortcode. It runs in the visitor's browser: nothing typed into it leaves the browser, and it loads nothing from any other site.
 * Version:           0.0.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * Author:            messenger-check contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       messenger-check
 * Domain Path:       /languages
 *
 * @package Messenger_Check
 */

defined( 'ABSPATH' ) || exit;

// The plugin's version (scripts/package.sh writes the workspace version into this file).
define( 'MESSENGER_CHECK_VERSION', '0.0.0' );
define( 'MESSENGER_CHECK_FILE', __FILE__ );

// The admin texts in German (formal "Sie") and English: languages/ (scripts/wordpress/i18n.sh).
add_action( 'init', 'messenger_check_load_textdomain', 1 );

/**
 * The plugin's translations from its own languages/ folder (WordPress looks in
 * wp-content/languages/plugins/ first). The editor script's: includes/render.php.
 */
function messenger_check_load_textdomain() {
	load_plugin_textdomain( 'messenger-check', false, dirname( plugin_basename( MESSENGER_CHECK_FILE ) ) . '/languages' );
}

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/admin.php';
