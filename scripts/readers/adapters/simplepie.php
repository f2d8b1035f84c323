<?php
// Crier's SimplePie adapter: reads one feed file with SimplePie (WordPress's and FreshRSS's parser) as a reader
// would (no cache, document order) and prints what it saw as one JSON object (see scripts/readers/read.py).
// Usage: php simplepie.php SIMPLEPIE_FOLDER FEED. SimplePie returns titles as HTML, so they are marked so.
error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED & ~E_NOTICE);
[$script, $folder, $path] = $argv;
define('ABSPATH', rtrim($folder, '/') . '/');
define('WPINC', '.');
require_once "$folder/class-simplepie.php";

function utc($seconds) {
    return ($seconds === null || $seconds === false || $seconds === '') ? null : gmdate('Y-m-d\TH:i:s\Z', (int)$seconds);
}

$view = ['ok' => false, 'error' => '', 'title' => null, 'titleIsHTML' => true, 'entries' => []];
$feed = new SimplePie();
$feed->set_raw_data(file_get_contents($path));
$feed->enable_cache(false);
$feed->enable_order_by_date(false);
if (!$feed->init() || $feed->error()) {
    $view['error'] = (string)($feed->error() ?: 'init() failed');
} else {
    $view['ok'] = true;
    $view['title'] = $feed->get_title();
    foreach ($feed->get_items() as $item) {
        $link = $item->get_permalink();
        $view['entries'][] = ['id' => $item->get_id(), 'title' => $item->get_title(), 'titleIsHTML' => true,
            'link' => $link === null ? null : html_entity_decode($link, ENT_QUOTES | ENT_HTML5, 'UTF-8'),
            'published' => utc($item->get_date('U')), 'updated' => utc($item->get_updated_date('U'))];
    }
}
echo json_encode($view, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
