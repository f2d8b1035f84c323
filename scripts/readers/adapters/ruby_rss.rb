# Crier's adapter for Ruby's rss library (shipped with Ruby): reads one feed file in its validating mode, the
# strict one, and prints what it saw as one JSON object (see scripts/readers/read.py for the shape). A document
# that mode refuses is reported as not ok, with the entries a lenient parse finds.
require 'json'
require 'rss'

def utc(time) = time&.getutc&.strftime('%Y-%m-%dT%H:%M:%SZ')

def view_of(feed)
  if feed.is_a?(RSS::Atom::Feed)
    text = ->(construct) { [construct&.content, %w[html xhtml].include?(construct&.type.to_s)] }
    title, html = text.call(feed.title)
    entries = feed.entries.map do |entry|
      link = entry.links.find { |l| l.rel.nil? || l.rel == 'alternate' }
      entry_title, entry_html = text.call(entry.title)
      { 'id' => entry.id&.content, 'title' => entry_title, 'titleIsHTML' => entry_html, 'link' => link&.href,
        'published' => utc(entry.published&.content), 'updated' => utc(entry.updated&.content) }
    end
    { 'title' => title, 'titleIsHTML' => html, 'entries' => entries }
  else
    entries = feed.items.map do |item|
      { 'id' => item.guid&.content, 'title' => item.title, 'link' => item.link, 'published' => utc(item.pubDate),
        'updated' => nil }
    end
    { 'title' => feed.channel.title, 'entries' => entries }
  end
end

view = { 'ok' => false, 'error' => '', 'entries' => [] }
source = File.binread(ARGV[0])
begin
  feed = RSS::Parser.parse(source, true, true)
  raise 'not recognised as RSS or Atom' if feed.nil?
  view.merge!(view_of(feed), 'ok' => true)
rescue StandardError => e
  view['error'] = "#{e.class}: #{e.message}"
  lenient = RSS::Parser.parse(source, false, true) rescue nil
  view.merge!(view_of(lenient)) if lenient
end
puts JSON.generate(view)
