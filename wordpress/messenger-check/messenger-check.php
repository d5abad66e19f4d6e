<?php
/**
 * Plugin Name:       Messenger-Check
 * Plugin URI:        https://github.com/messenger-check/messenger-check
 * Description:       Wie DSGVO-sicher nutzt Ihr Betrieb WhatsApp &amp; Co.? A GDPR check for businesses that use messengers, as a block and a shortcode. Runs in the visitor's browser: nothing typed into it leaves the browser, no request to any other site.
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

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/admin.php';
