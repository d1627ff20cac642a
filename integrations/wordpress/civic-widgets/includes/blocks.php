<?php
/**
 * Dynamic blocks: post content stores only a block comment with JSON attributes (which KSES leaves
 * alone); the element is produced at render time by civic_widgets_element().
 *
 * @package CivicWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Block attribute (camelCase) => element attribute.
 *
 * @return array<string, string>
 */
function civic_widgets_block_attribute_names() {
	return array(
		'feed'        => 'src',
		'lang'        => 'lang',
		'timeZone'    => 'time-zone',
		'theme'       => 'theme',
		'session'     => 'session',
		'layout'      => 'layout',
		'pollHref'    => 'poll-href',
		'poll'        => 'poll',
		'resultsOnly' => 'results-only',
		'group'       => 'group',
		'pageSize'    => 'page-size',
	);
}

/**
 * Registers the editor script and one block per element.
 */
function civic_widgets_register_blocks() {
	wp_register_script(
		'civic-widgets-editor',
		plugins_url( 'blocks/editor.js', CIVIC_WIDGETS_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render' ),
		CIVIC_WIDGETS_VERSION,
		true
	);
	wp_set_script_translations( 'civic-widgets-editor', 'civic-widgets' );
	foreach ( array_keys( civic_widgets_elements() ) as $name ) {
		register_block_type(
			CIVIC_WIDGETS_DIR . 'blocks/' . $name,
			array(
				'render_callback' => function ( $attributes ) use ( $name ) {
					return civic_widgets_render_block( $name, $attributes );
				},
			)
		);
	}
}

/**
 * A block's markup: the element inside the block's wrapper.
 *
 * @param string $name       Element name without the `civic-` prefix.
 * @param array  $attributes The block's attributes.
 * @return string
 */
function civic_widgets_render_block( $name, $attributes ) {
	$element = array();
	foreach ( civic_widgets_block_attribute_names() as $block_name => $element_name ) {
		if ( isset( $attributes[ $block_name ] ) ) {
			$element[ $element_name ] = $attributes[ $block_name ];
		}
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . civic_widgets_element( $name, $element ) . '</div>';
}
