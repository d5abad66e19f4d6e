<?php
/**
 * Removes what the plugin stored: its one option, on every site of a network.
 *
 * @package Messenger_Check
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $messenger_check_site ) {
		switch_to_blog( $messenger_check_site );
		delete_option( 'messenger_check_options' );
		restore_current_blog();
	}
} else {
	delete_option( 'messenger_check_options' );
}
