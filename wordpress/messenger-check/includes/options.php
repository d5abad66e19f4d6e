<?php
/**
 * The settings: what the widget knows (widget.json, written from the widget itself when the
 * plugin is built), the site's defaults (one option), and one sanitiser for everything an
 * editor can set: the settings page, the block's attributes and the shortcode's.
 *
 * @package Messenger_Check
 */

defined( 'ABSPATH' ) || exit;

/**
 * The languages and messengers of the bundled widget (widget.json, generated from its
 * WebAssembly by scripts/package.sh, so this plugin never keeps a copy of its own).
 *
 * @return array{version: string, languages: array, messengers: array, theme: array}
 */
function messenger_check_widget() {
	static $widget = null;
	if ( null === $widget ) {
		$file   = plugin_dir_path( MESSENGER_CHECK_FILE ) . 'widget.json';
		$json   = is_readable( $file ) ? wp_json_file_decode( $file, array( 'associative' => true ) ) : null;
		$widget = is_array( $json ) ? $json : array();
		$widget = wp_parse_args(
			$widget,
			array(
				'version'    => '',
				'languages'  => array(
					array(
						'code' => 'de',
						'name' => 'Deutsch',
					),
				),
				'messengers' => array(),
				'theme'      => array(),
			)
		);
	}
	return $widget;
}

/**
 * The language codes of the widget, the main one first.
 *
 * @return string[]
 */
function messenger_check_languages() {
	return wp_list_pluck( messenger_check_widget()['languages'], 'code' );
}

/**
 * The messenger ids of the widget's catalog.
 *
 * @return string[]
 */
function messenger_check_messenger_ids() {
	return wp_list_pluck( messenger_check_widget()['messengers'], 'id' );
}

/**
 * The settings an editor starts from.
 *
 * @return array
 */
function messenger_check_defaults() {
	return array(
		'lang'         => '',
		'theme'        => 'auto',
		'accent'       => '',
		'text'         => '',
		'background'   => '',
		'alternatives' => array(),
		'cta_label'    => array(),
		'cta_url'      => '',
	);
}

/**
 * Checks settings from any source; drops what is not valid.
 *
 * @param mixed $input Settings as saved, or as a block or shortcode gives them.
 * @return array Settings with exactly the keys of messenger_check_defaults().
 */
function messenger_check_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();
	$out   = messenger_check_defaults();

	$lang        = isset( $input['lang'] ) ? sanitize_key( $input['lang'] ) : '';
	$out['lang'] = in_array( $lang, messenger_check_languages(), true ) ? $lang : '';

	$theme        = isset( $input['theme'] ) ? sanitize_key( $input['theme'] ) : '';
	$out['theme'] = in_array( $theme, array( 'auto', 'light', 'dark' ), true ) ? $theme : 'auto';

	foreach ( array( 'accent', 'text', 'background' ) as $field ) {
		$colour        = isset( $input[ $field ] ) ? sanitize_hex_color( trim( (string) $input[ $field ] ) ) : '';
		$out[ $field ] = $colour ? strtolower( $colour ) : '';
	}

	$ids = messenger_check_messenger_ids();
	if ( isset( $input['alternatives'] ) && is_array( $input['alternatives'] ) ) {
		foreach ( $input['alternatives'] as $id => $choice ) {
			if ( in_array( $id, $ids, true ) && in_array( $choice, array( 'recommend', 'hide' ), true ) ) {
				$out['alternatives'][ $id ] = $choice;
			}
		}
	}

	if ( isset( $input['cta_label'] ) && is_array( $input['cta_label'] ) ) {
		foreach ( messenger_check_languages() as $code ) {
			$label = isset( $input['cta_label'][ $code ] ) ? sanitize_text_field( $input['cta_label'][ $code ] ) : '';
			if ( '' !== $label ) {
				$out['cta_label'][ $code ] = mb_substr( $label, 0, 80 );
			}
		}
	}
	$out['cta_url'] = messenger_check_sanitize_url( isset( $input['cta_url'] ) ? (string) $input['cta_url'] : '' );
	return $out;
}

/**
 * A call-to-action address: https://, http:// or mailto:, or a path on this site ("/contact").
 *
 * @param string $url The address as typed.
 * @return string The address, or '' when it is none of these.
 */
function messenger_check_sanitize_url( $url ) {
	$url = trim( $url );
	if ( '' === $url ) {
		return '';
	}
	if ( '/' === $url[0] && ( strlen( $url ) < 2 || '/' !== $url[1] ) && false === strpos( $url, '\\' ) ) {
		return esc_url_raw( $url );
	}
	if ( ! preg_match( '#^(https?://|mailto:)#i', $url ) ) {
		return '';
	}
	return esc_url_raw( $url, array( 'http', 'https', 'mailto' ) );
}

/**
 * The site's settings (Settings > Messenger-Check), checked.
 *
 * @return array
 */
function messenger_check_site_settings() {
	return messenger_check_sanitize( get_option( 'messenger_check_options', array() ) );
}

/**
 * One widget's settings: what the block or shortcode sets, the site's settings for the rest.
 *
 * @param array $own Settings of one block or shortcode (already in the option's shape).
 * @return array
 */
function messenger_check_settings_for( $own ) {
	$site = messenger_check_site_settings();
	$own  = messenger_check_sanitize( $own );
	$out  = $site;
	foreach ( array( 'lang', 'accent', 'text', 'background', 'cta_url' ) as $field ) {
		if ( '' !== $own[ $field ] ) {
			$out[ $field ] = $own[ $field ];
		}
	}
	if ( 'auto' !== $own['theme'] ) {
		$out['theme'] = $own['theme'];
	}
	if ( $own['alternatives'] ) {
		$out['alternatives'] = $own['alternatives'];
	}
	if ( $own['cta_label'] || '' !== $own['cta_url'] ) {
		$out['cta_label'] = $own['cta_label'] ? $own['cta_label'] : $site['cta_label'];
	}
	if ( '' === $out['lang'] ) {
		$locale      = substr( determine_locale(), 0, 2 );
		$languages   = messenger_check_languages();
		$out['lang'] = in_array( $locale, $languages, true ) ? $locale : $languages[0];
	}
	return $out;
}

/**
 * What the page script hands to the element: colours (CSS custom properties, set through the
 * CSSOM) and catalog overrides, in the shape of the widget's JavaScript API.
 *
 * @param array $settings Settings from messenger_check_settings_for().
 * @return array
 */
function messenger_check_element_config( $settings ) {
	$config = array();
	foreach ( array( 'accent', 'text', 'background' ) as $field ) {
		if ( '' !== $settings[ $field ] ) {
			$config['theme'][ $field ] = $settings[ $field ];
		}
	}
	$recommend = array_keys( $settings['alternatives'], 'recommend', true );
	$hide      = array_keys( $settings['alternatives'], 'hide', true );
	if ( $recommend ) {
		$config['catalog']['alternatives']['recommend'] = array_values( $recommend );
	}
	if ( $hide ) {
		$config['catalog']['alternatives']['hide'] = array_values( $hide );
	}
	if ( '' !== $settings['cta_url'] && $settings['cta_label'] ) {
		$config['catalog']['call_to_action'] = array(
			'label' => $settings['cta_label'],
			'url'   => $settings['cta_url'],
		);
	}
	return $config;
}
