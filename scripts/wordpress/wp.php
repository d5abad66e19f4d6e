<?php
/**
 * The WordPress test site's helper, run with PHP's command line (no wp-cli in Debian 12):
 *   php wp.php install <url>                       installs WordPress (Twenty Twenty-Three, /index.php/%postname%/ links)
 *   php wp.php page <slug> <title> <content-file>  creates or replaces a published page; prints its address
 *   php wp.php option <name>                       prints an option as JSON
 *   php wp.php site-language <locale>              sets the site language (option WPLANG; '' is English); prints the one before
 *   php wp.php plugin-active <file>                prints "yes" or "no"
 * WORDPRESS_CONFIG (environment) names the host config, as Apache's SetEnv does for the site.
 *
 * @package Messenger_Check
 */

// phpcs:disable -- a test tool, not part of the plugin.
$config = getenv( 'WORDPRESS_CONFIG' );
$url    = getenv( 'MC_WP_URL' );
if ( ! $config || ! $url ) {
	fwrite( STDERR, "wp.php: set WORDPRESS_CONFIG and MC_WP_URL\n" );
	exit( 2 );
}
$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['HTTP_HOST']        = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['SERVER_NAME']      = parse_url( $url, PHP_URL_HOST );
$command                     = $argv[1] ?? '';
if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require '/usr/share/wordpress/wp-load.php';

switch ( $command ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		if ( ! is_blog_installed() ) {
			$result = wp_install( 'Innung Sanitär Musterstadt', 'admin', 'admin@example.org', false, '', 'messenger-check-test' );
			if ( is_wp_error( $result ) ) {
				fwrite( STDERR, $result->get_error_message() . "\n" );
				exit( 1 );
			}
		}
		global $wp_rewrite;
		$wp_rewrite->set_permalink_structure( '/index.php/%postname%/' );
		flush_rewrite_rules( false );
		update_option( 'blogdescription', 'Beratung für Betriebe' );
		switch_theme( 'twentytwentythree' );
		echo 'WordPress ' . get_bloginfo( 'version' ) . ', PHP ' . PHP_VERSION . ', theme ' . wp_get_theme()->get_stylesheet() . "\n";
		break;
	case 'page':
		[ , , $slug, $title, $file ] = $argv;
		$existing = get_page_by_path( $slug );
		$id       = wp_insert_post(
			array(
				'ID'           => $existing ? $existing->ID : 0,
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => $slug,
				'post_title'   => $title,
				'post_content' => file_get_contents( $file ),
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		echo get_permalink( $id ) . "\n";
		break;
	case 'option':
		echo wp_json_encode( get_option( $argv[2] ) ) . "\n";
		break;
	case 'site-language':
		// WordPress keeps a site language only when its language pack is installed
		// (sanitize_option); the test site has none, so the option is written as it is.
		global $wpdb;
		$before = (string) get_option( 'WPLANG', '' );
		if ( false === get_option( 'WPLANG' ) ) {
			add_option( 'WPLANG', '' );
		}
		$wpdb->update( $wpdb->options, array( 'option_value' => $argv[2] ), array( 'option_name' => 'WPLANG' ) );
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'WPLANG', 'options' );
		if ( get_option( 'WPLANG' ) !== $argv[2] ) {
			fwrite( STDERR, "wp.php: WPLANG is not {$argv[2]}\n" );
			exit( 1 );
		}
		echo $before . "\n";
		break;
	case 'plugin-active':
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		echo is_plugin_active( $argv[2] ) ? "yes\n" : "no\n";
		break;
	default:
		fwrite( STDERR, "wp.php: unknown command `$command`\n" );
		exit( 2 );
}
