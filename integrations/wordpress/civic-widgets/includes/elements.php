<?php
/**
 * The widgets' markup, produced at render time from block attributes or shortcode attributes, so that
 * nothing in post content depends on tags or attributes that KSES would strip.
 *
 * @package CivicWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Each element's attributes: name => kind. `url` is escaped with esc_url, `enum:` lists the accepted
 * values, `flag` is a boolean attribute, `text` anything else (escaped with esc_attr).
 *
 * @return array<string, array<string, string>>
 */
function civic_widgets_elements() {
	$common = array(
		'src'       => 'url',
		'lang'      => 'text',
		'time-zone' => 'text',
		'theme'     => 'enum:auto,light,dark',
	);
	return array(
		'countdown'  => $common + array(
			'session' => 'text',
			'layout'  => 'enum:full,compact',
		),
		'agenda'     => $common + array(
			'poll-href' => 'url',
		),
		'poll'       => $common + array(
			'poll'         => 'text',
			'results-only' => 'flag',
		),
		'recordings' => $common + array(
			'session'   => 'text',
			'group'     => 'text',
			'page-size' => 'text',
		),
	);
}

/**
 * `<civic-{$name} …></civic-{$name}>` with every attribute escaped; unknown names and values outside an
 * enum are left out, so the widget falls back to its default and says so in the console.
 *
 * @param string $name       Element name without the `civic-` prefix.
 * @param array  $attributes Attribute name => value (string or bool).
 * @return string The element, or an empty string for an unknown element.
 */
function civic_widgets_element( $name, $attributes ) {
	$elements = civic_widgets_elements();
	if ( ! isset( $elements[ $name ] ) ) {
		return '';
	}
	if ( empty( $attributes['src'] ) ) {
		$attributes['src'] = civic_widgets_options()['feed_url'];
	}

	$html = '<civic-' . $name;
	foreach ( $elements[ $name ] as $attribute => $kind ) {
		$value = isset( $attributes[ $attribute ] ) ? $attributes[ $attribute ] : '';
		if ( 'flag' === $kind ) {
			if ( true === $value || in_array( strtolower( (string) $value ), array( '1', 'true', 'yes', $attribute ), true ) ) {
				$html .= ' ' . $attribute;
			}
			continue;
		}
		$value = trim( (string) $value );
		if ( '' === $value ) {
			continue;
		}
		if ( 0 === strpos( $kind, 'enum:' ) && ! in_array( $value, explode( ',', substr( $kind, 5 ) ), true ) ) {
			continue;
		}
		$escaped = 'url' === $kind ? esc_url( $value ) : esc_attr( $value );
		if ( '' !== $escaped ) {
			$html .= ' ' . $attribute . '="' . $escaped . '"';
		}
	}
	civic_widgets_enqueue_script();
	return $html . '></civic-' . $name . '>';
}
