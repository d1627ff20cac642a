<?php
/**
 * Shortcodes for the classic editor: `[civic_countdown session="…"]`, `[civic_agenda]`, `[civic_poll]`,
 * `[civic_recordings]`. Attribute names are the elements' own (`time-zone`), or with underscores
 * (`time_zone`), and `feed` is accepted for `src`.
 *
 * @package CivicWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers one shortcode per element.
 */
function civic_widgets_register_shortcodes() {
	foreach ( array_keys( civic_widgets_elements() ) as $name ) {
		add_shortcode(
			'civic_' . $name,
			function ( $attributes ) use ( $name ) {
				return civic_widgets_render_shortcode( $name, is_array( $attributes ) ? $attributes : array() );
			}
		);
	}
}

/**
 * A shortcode's markup.
 *
 * @param string $name       Element name without the `civic-` prefix.
 * @param array  $attributes The shortcode's attributes; a bare word (`[civic_poll results-only]`) is a flag.
 * @return string
 */
function civic_widgets_render_shortcode( $name, $attributes ) {
	$element = array();
	foreach ( $attributes as $key => $value ) {
		if ( is_int( $key ) ) {
			$element[ str_replace( '_', '-', strtolower( (string) $value ) ) ] = true;
			continue;
		}
		$key             = str_replace( '_', '-', strtolower( $key ) );
		$element[ 'feed' === $key ? 'src' : $key ] = $value;
	}
	return civic_widgets_element( $name, $element );
}
