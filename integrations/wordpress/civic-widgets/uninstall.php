<?php
/**
 * Removes the plugin's option when it is deleted.
 *
 * @package CivicWidgets
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'civic_widgets_options' );
