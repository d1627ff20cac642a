<?php
// PHP's built-in server in front of WordPress: real files as they are, everything else to index.php
// (as Apache's rewrite rules for WordPress do).
$path = __DIR__ . parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( is_file( $path ) ) {
	return false;
}
require __DIR__ . '/index.php';
