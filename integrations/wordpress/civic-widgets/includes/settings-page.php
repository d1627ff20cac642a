<?php
/**
 * Settings → Civic widgets: the default feed and the script's source. Only for `manage_options`; the
 * form posts to options.php, which checks the nonce that settings_fields() prints.
 *
 * @package CivicWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the option with its sanitizer, and the page's fields.
 */
function civic_widgets_register_settings() {
	register_setting(
		'civic_widgets',
		'civic_widgets_options',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'civic_widgets_sanitize_options',
			'show_in_rest'      => false,
		)
	);
	add_settings_section( 'civic_widgets_main', __( 'Feed and script', 'civic-widgets' ), '__return_false', 'civic-widgets' );
	add_settings_field( 'feed_url', __( 'Default feed URL', 'civic-widgets' ), 'civic_widgets_field_feed_url', 'civic-widgets', 'civic_widgets_main', array( 'label_for' => 'civic-widgets-feed-url' ) );
	add_settings_field( 'script_source', __( 'Widgets script', 'civic-widgets' ), 'civic_widgets_field_script', 'civic-widgets', 'civic_widgets_main' );
}

/**
 * Adds the page under Settings.
 */
function civic_widgets_add_settings_page() {
	add_options_page( __( 'Civic widgets', 'civic-widgets' ), __( 'Civic widgets', 'civic-widgets' ), 'manage_options', 'civic-widgets', 'civic_widgets_render_settings_page' );
}

/**
 * The feed URL field.
 */
function civic_widgets_field_feed_url() {
	$options = civic_widgets_options();
	printf(
		'<input type="url" class="regular-text code" id="civic-widgets-feed-url" name="civic_widgets_options[feed_url]" value="%s" placeholder="https://events.example.org/feeds/forum.json" /><p class="description">%s</p>',
		esc_attr( $options['feed_url'] ),
		esc_html__( 'Used by every block and shortcode that does not name its own feed.', 'civic-widgets' )
	);
}

/**
 * The script source radio buttons and URL field.
 */
function civic_widgets_field_script() {
	$options = civic_widgets_options();
	$choices = array(
		'server'  => __( 'From the feed server (its /civic-widgets.js), or the URL below', 'civic-widgets' ),
		'bundled' => __( 'The copy shipped inside this plugin (no external script)', 'civic-widgets' ),
	);
	echo '<fieldset>';
	foreach ( $choices as $value => $label ) {
		printf(
			'<label><input type="radio" name="civic_widgets_options[script_source]" value="%s" %s /> %s</label><br />',
			esc_attr( $value ),
			checked( $options['script_source'], $value, false ),
			esc_html( $label )
		);
	}
	printf(
		'<label for="civic-widgets-script-url">%s</label> <input type="url" class="regular-text code" id="civic-widgets-script-url" name="civic_widgets_options[script_url]" value="%s" /></fieldset>',
		esc_html__( 'Script URL (optional)', 'civic-widgets' ),
		esc_attr( $options['script_url'] )
	);
}

/**
 * The page.
 */
function civic_widgets_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change these settings.', 'civic-widgets' ), 403 );
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	settings_errors( 'civic_widgets_options' );
	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( 'civic_widgets' );
	do_settings_sections( 'civic-widgets' );
	submit_button();
	echo '</form></div>';
}
