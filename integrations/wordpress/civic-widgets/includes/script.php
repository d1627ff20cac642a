<?php
/**
 * The widgets' one module script: enqueued only by a page that renders a block or shortcode, once
 * however many widgets it has.
 *
 * @package CivicWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Enqueues the module script (WordPress 6.5+ has script modules; before, a classic handle whose tag
 * gets `type="module"`).
 */
function civic_widgets_enqueue_script() {
	$url = civic_widgets_script_url();
	if ( '' === $url ) {
		return;
	}
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'civic-widgets', $url, array(), CIVIC_WIDGETS_VERSION );
		return;
	}
	wp_enqueue_script( 'civic-widgets', $url, array(), CIVIC_WIDGETS_VERSION, true );
}

/**
 * Makes the classic handle a module script.
 *
 * @param string $tag    The `<script>` tag WordPress built.
 * @param string $handle Its handle.
 * @return string The tag, with `type="module"` for ours.
 */
function civic_widgets_module_tag( $tag, $handle ) {
	if ( 'civic-widgets' !== $handle || false !== strpos( $tag, 'type="module"' ) ) {
		return $tag;
	}
	return preg_replace( '/<script(?: type=([\'"])text\/javascript\1)?/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'civic_widgets_module_tag', 10, 2 );
