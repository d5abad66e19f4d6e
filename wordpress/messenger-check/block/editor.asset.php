<?php
/**
 * The editor script's dependencies (WordPress's own globals) and version.
 *
 * @package Messenger_Check
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.0.0',
);
