<?php
/**
 * The plugin's one option, `civic_widgets_options`: the default feed and where the script comes from.
 *
 * @package CivicWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The saved options merged over their defaults.
 *
 * @return array{feed_url: string, script_source: string, script_url: string}
 */
function civic_widgets_options() {
	$saved = get_option( 'civic_widgets_options', array() );
	return array_merge(
		array(
			'feed_url'      => '',
			'script_source' => 'server',
			'script_url'    => '',
		),
		is_array( $saved ) ? $saved : array()
	);
}

/**
 * Cleans what the settings form sent. Only http(s) URLs are kept; anything else is dropped with a notice.
 *
 * @param mixed $input The raw form values.
 * @return array The values to store.
 */
function civic_widgets_sanitize_options( $input ) {
	$input  = is_array( $input ) ? $input : array();
	$output = civic_widgets_options();

	foreach ( array( 'feed_url', 'script_url' ) as $key ) {
		$raw = isset( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
		$url = '' === $raw ? '' : esc_url_raw( $raw, array( 'http', 'https' ) );
		if ( '' !== $raw && '' === $url ) {
			add_settings_error(
				'civic_widgets_options',
				'civic-widgets-' . $key,
				/* translators: %s: the URL that was refused. */
				sprintf( __( '"%s" is not an http or https URL; the previous value is kept.', 'civic-widgets' ), $raw )
			);
			continue;
		}
		$output[ $key ] = $url;
	}

	$source                  = isset( $input['script_source'] ) ? (string) $input['script_source'] : 'server';
	$output['script_source'] = in_array( $source, array( 'server', 'bundled' ), true ) ? $source : 'server';
	return $output;
}

/**
 * The URL of the widgets' script: the copy shipped in the plugin, the URL set in the settings, or the
 * reference server's `/civic-widgets.js` beside the default feed.
 *
 * @return string An empty string when nothing is configured.
 */
function civic_widgets_script_url() {
	$options = civic_widgets_options();
	if ( 'bundled' === $options['script_source'] ) {
		return plugins_url( 'assets/civic-widgets.js', CIVIC_WIDGETS_FILE );
	}
	if ( '' !== $options['script_url'] ) {
		return $options['script_url'];
	}
	$parts = wp_parse_url( $options['feed_url'] );
	if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$port = isset( $parts['port'] ) ? ':' . $parts['port'] : '';
	return $parts['scheme'] . '://' . $parts['host'] . $port . '/civic-widgets.js';
}
