<?php
/**
 * The block and the shortcode: both render <messenger-check> (the widget in a Shadow DOM, so
 * the theme's CSS cannot change it), and only then load the page script, from this plugin's
 * own folder, by absolute URL. No request to any other site.
 *
 * @package Messenger_Check
 */

defined( 'ABSPATH' ) || exit;

add_action( 'init', 'messenger_check_register' );

/**
 * Registers the page script, the block and the shortcode.
 */
function messenger_check_register() {
	wp_register_script(
		'messenger-check',
		plugins_url( 'assets/front.js', MESSENGER_CHECK_FILE ),
		array(),
		MESSENGER_CHECK_VERSION,
		true
	);
	register_block_type(
		plugin_dir_path( MESSENGER_CHECK_FILE ) . 'block',
		array( 'render_callback' => 'messenger_check_render_block' )
	);
	// block.json's textdomain makes WordPress look for the editor script's translations in
	// wp-content/languages/plugins/ only; they ship in the plugin's languages/ folder.
	wp_set_script_translations(
		generate_block_asset_handle( 'messenger-check/widget', 'editorScript' ),
		'messenger-check',
		plugin_dir_path( MESSENGER_CHECK_FILE ) . 'languages'
	);
	add_shortcode( 'messenger-check', 'messenger_check_shortcode' );
}

add_filter( 'script_loader_tag', 'messenger_check_module_tag', 10, 2 );

/**
 * The page script is an ES module (it imports the widget from ./widget/).
 *
 * @param string $tag    The <script> tag WordPress wrote.
 * @param string $handle The script's handle.
 * @return string
 */
function messenger_check_module_tag( $tag, $handle ) {
	if ( 'messenger-check' !== $handle || false !== strpos( $tag, 'type="module"' ) ) {
		return $tag;
	}
	return preg_replace( '/<script(?: type=([\'"])text\/javascript\1)?/', '<script type="module"', $tag, 1 );
}

add_action( 'enqueue_block_editor_assets', 'messenger_check_editor_data' );

/**
 * What the block's settings offer, from the widget itself, and the site's settings.
 */
function messenger_check_editor_data() {
	$widget = messenger_check_widget();
	$data   = array(
		'languages'   => $widget['languages'],
		'messengers'  => $widget['messengers'],
		'site'        => messenger_check_site_settings(),
		'settingsUrl' => admin_url( 'options-general.php?page=messenger-check' ),
	);
	wp_add_inline_script(
		generate_block_asset_handle( 'messenger-check/widget', 'editorScript' ),
		'window.messengerCheckEditor = ' . wp_json_encode( $data ) . ';',
		'before'
	);
}

/**
 * The block's output.
 *
 * @param array $attributes The block's attributes (block.json).
 * @return string
 */
function messenger_check_render_block( $attributes ) {
	$own = array(
		'lang'         => isset( $attributes['lang'] ) ? $attributes['lang'] : '',
		'theme'        => isset( $attributes['theme'] ) ? $attributes['theme'] : '',
		'accent'       => isset( $attributes['accent'] ) ? $attributes['accent'] : '',
		'text'         => isset( $attributes['text'] ) ? $attributes['text'] : '',
		'background'   => isset( $attributes['background'] ) ? $attributes['background'] : '',
		'alternatives' => isset( $attributes['alternatives'] ) ? $attributes['alternatives'] : array(),
		'cta_label'    => isset( $attributes['ctaLabel'] ) ? $attributes['ctaLabel'] : array(),
		'cta_url'      => isset( $attributes['ctaUrl'] ) ? $attributes['ctaUrl'] : '',
	);
	return sprintf(
		'<div %s>%s</div>',
		get_block_wrapper_attributes( array( 'class' => 'messenger-check-block' ) ),
		messenger_check_markup( messenger_check_settings_for( $own ) )
	);
}

/**
 * The shortcode: [messenger-check lang="en" theme="dark" accent="#8a1c1c" recommend="threema_work,wire"
 * hide="telegram" cta_de="Beratung anfragen" cta_en="Ask us" cta_url="/kontakt/"], each optional
 * (the same names as the embed builder's iframe address).
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function messenger_check_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	$list = static function ( $name ) use ( $atts ) {
		return isset( $atts[ $name ] ) ? array_filter( array_map( 'trim', explode( ',', (string) $atts[ $name ] ) ) ) : array();
	};
	$own  = array(
		'lang'         => isset( $atts['lang'] ) ? $atts['lang'] : '',
		'theme'        => isset( $atts['theme'] ) ? $atts['theme'] : '',
		'accent'       => isset( $atts['accent'] ) ? $atts['accent'] : '',
		'text'         => isset( $atts['text'] ) ? $atts['text'] : '',
		'background'   => isset( $atts['background'] ) ? $atts['background'] : '',
		'alternatives' => array_merge(
			array_fill_keys( $list( 'recommend' ), 'recommend' ),
			array_fill_keys( $list( 'hide' ), 'hide' )
		),
		'cta_label'    => array(),
		'cta_url'      => isset( $atts['cta_url'] ) ? $atts['cta_url'] : '',
	);
	foreach ( messenger_check_languages() as $code ) {
		if ( isset( $atts[ 'cta_' . $code ] ) ) {
			$own['cta_label'][ $code ] = $atts[ 'cta_' . $code ];
		}
	}
	return '<div class="messenger-check-shortcode">' . messenger_check_markup( messenger_check_settings_for( $own ) ) . '</div>';
}

/**
 * The element for one widget, and the page script (once per page, in the footer).
 *
 * @param array $settings Settings from messenger_check_settings_for().
 * @return string
 */
function messenger_check_markup( $settings ) {
	wp_enqueue_script( 'messenger-check' );
	$config  = messenger_check_element_config( $settings );
	$english = 'en' === $settings['lang'];
	// Shown until the widget has started (light DOM; the element's Shadow DOM replaces it).
	$loading = $english ? 'Loading the messenger check …' : 'Der Messenger-Check wird geladen …';
	$nojs    = $english ? 'The messenger check needs JavaScript and WebAssembly.' : 'Der Messenger-Check braucht JavaScript und WebAssembly.';
	return sprintf(
		'<messenger-check lang="%1$s" theme="%2$s" data-messenger-check="%3$s"><p class="messenger-check-loading">%4$s</p></messenger-check><noscript><p>%5$s</p></noscript>',
		esc_attr( $settings['lang'] ),
		esc_attr( $settings['theme'] ),
		esc_attr( wp_json_encode( (object) $config ) ),
		esc_html( $loading ),
		esc_html( $nojs )
	);
}
