<?php
// Sets up a fresh WordPress with WordPress's own functions (no wp-cli on Debian): install, activate the
// plugin, configure it, and publish posts as an Author (no unfiltered_html) and as the administrator.
// Prints one JSON line for the test. Arguments: <wordpress dir> <feed url>.
[$self, $dir, $feed] = $argv;
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = 'localhost';
require $dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

wp_install( 'Association of Municipalities', 'admin', 'admin@example.org', false, '', wp_slash( 'admin-password' ) );

$activated = activate_plugin( 'civic-widgets/civic-widgets.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'activate_plugin: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}
update_option( 'civic_widgets_options', civic_widgets_sanitize_options( array( 'feed_url' => $feed, 'script_source' => 'server' ) ) );

$author = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => 'author-password',
		'user_email' => 'author@example.org',
		'role'       => 'author',
	)
);
wp_set_current_user( $author );
kses_init();
$author_content = implode(
	"\n\n",
	array(
		'<!-- wp:paragraph --><p>Join the live learning session.</p><!-- /wp:paragraph -->',
		'<!-- wp:civic-widgets/countdown {"layout":"compact","theme":"light"} /-->',
		'[civic_agenda time_zone="event"]',
		'<!-- wp:civic-widgets/poll {"poll":"\u0022\u003e\u003cscript\u003ewindow.blockPwned=1\u003c/script\u003e"} /-->',
		'<p>Pasted by hand: <civic-recordings src="https://evil.example/feed.json"></civic-recordings></p>',
	)
);
$author_post = wp_insert_post(
	array(
		'post_title'   => 'Local democracy after COVID-19',
		'post_content' => wp_slash( $author_content ),
		'post_status'  => 'publish',
		'post_author'  => $author,
	),
	true
);

// An administrator may write anything (unfiltered_html): the plugin's escaping is all that stands
// between a hostile shortcode attribute and the page.
wp_set_current_user( 1 );
kses_remove_filters();
$admin_post = wp_insert_post(
	array(
		'post_title'   => 'Hostile shortcode',
		'post_content' => wp_slash( "[civic_countdown session='\"><script>window.shortcodePwned=1</script>' theme=\"drak\" time-zone=\"event\"]" ),
		'post_status'  => 'publish',
	),
	true
);
$plain_post = wp_insert_post(
	array(
		'post_title'   => 'No widgets here',
		'post_content' => '<p>Nothing to embed.</p>',
		'post_status'  => 'publish',
	),
	true
);

// The plugin was activated after WordPress loaded: its init hooks have not run in this process.
civic_widgets_register_shortcodes();
echo wp_json_encode(
	array(
		'authorCanUnfilteredHtml' => user_can( $author, 'unfiltered_html' ),
		'authorPost'              => $author_post,
		'authorContent'           => get_post_field( 'post_content', $author_post, 'raw' ),
		'adminPost'               => $admin_post,
		'plainPost'               => $plain_post,
		'scriptMarkup'            => do_shortcode( "[civic_countdown session='\"><script>window.pwned=1</script>']" ),
		'shortcodeMarkup'         => do_shortcode( "[civic_poll poll='\"><img src=x onerror=alert(1)>' results-only feed=\"javascript:alert(1)\"]" ),
	)
) . "\n";
