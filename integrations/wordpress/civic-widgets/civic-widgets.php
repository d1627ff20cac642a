<?php
/**
 * Plugin Name:       Civic widgets
 * Plugin URI:        https://www.npmjs.com/package/civic-widgets
 * Description:       Countdown, agenda, poll and recordings of your network's events, from one JSON feed: as blocks and shortcodes that authors can place without unfiltered HTML.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            civic-widgets contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       civic-widgets
 *
 * @package CivicWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'CIVIC_WIDGETS_VERSION', '0.1.0' );
define( 'CIVIC_WIDGETS_FILE', __FILE__ );
define( 'CIVIC_WIDGETS_DIR', plugin_dir_path( __FILE__ ) );

require_once CIVIC_WIDGETS_DIR . 'includes/options.php';
require_once CIVIC_WIDGETS_DIR . 'includes/elements.php';
require_once CIVIC_WIDGETS_DIR . 'includes/script.php';
require_once CIVIC_WIDGETS_DIR . 'includes/blocks.php';
require_once CIVIC_WIDGETS_DIR . 'includes/shortcodes.php';
require_once CIVIC_WIDGETS_DIR . 'includes/settings-page.php';

add_action( 'init', 'civic_widgets_register_blocks' );
add_action( 'init', 'civic_widgets_register_shortcodes' );
add_action( 'admin_init', 'civic_widgets_register_settings' );
add_action( 'admin_menu', 'civic_widgets_add_settings_page' );
// The editor previews each block as rendered by the server: the elements need their script there too.
add_action( 'enqueue_block_editor_assets', 'civic_widgets_enqueue_script' );
