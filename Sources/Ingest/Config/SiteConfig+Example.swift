extension SiteConfig {
    /// A commented example `crier.yml`, written by `crier init`; every key it shows is accepted by `init(yaml:file:)`.
    public static let exampleYAML = """
        # crier.yml: settings for the feeds Crier builds from the article files in this folder.

        # Required: the site's name and its absolute http(s) address.
        title: My Site
        base_url: https://example.com/

        # A one-line description (RSS description, Atom subtitle).
        description: Notes and articles

        # Where the feed files are served from, if not base_url.
        # feed_base_url: https://example.com/feeds/

        # The site's author, used for articles that name none. A name alone, or name/email/uri.
        author:
          name: Jane Doe
          email: jane@example.com
          uri: https://example.com/about/

        # The feed language (BCP 47).
        language: en

        # The zone for dates written without an offset: an IANA name or a fixed offset such as +01:00. Default UTC.
        time_zone: Europe/Paris

        # Entries in the main feed; older ones go to archive pages. 0 means every entry in one feed. Default 50.
        limit: 50

        # Which feeds to publish (default: all three) and their file names.
        formats: [rss, atom, json]
        outputs:
          rss: rss.xml
          atom: atom.xml
          json: feed.json

        # Article URLs under base_url. Placeholders: {path} (the article's folder and slug, posts/2024/hello),
        # {slug} (hello), {year}, {month}, {day}. Default /{path}/.
        permalink: /{path}/

        # WebSub hubs to notify when the feeds change.
        # hubs:
        #   - https://pubsubhubbub.appspot.com/

        # Images, relative to base_url or absolute.
        # icon: /favicon-64.png
        # logo: /logo.png

        # rights: © 2024 Jane Doe, CC BY 4.0

        # Full text or only summaries in the feeds (full, summary). Default full.
        content: full

        # The largest size of any feed document in bytes; entries that would go over move to archive pages.
        # 0 means no budget. Default 5000000 (CommaFeed refuses bigger feeds).
        max_bytes: 5000000

        # Each folder directly under this one is a section with feeds of its own, at OUTPUT/FOLDER/atom.xml
        # (and the other formats), titled "Site: Folder". On by default; limit, content and max_bytes default
        # to the site's. Articles at the top of this folder are in the site feeds only.
        # sections:
        #   content: summary
        #   folders:
        #     sport:
        #       title: Sport & Games
        #       slug: sports
        #     drafts: false        # no feeds for this folder
        # sections: false          # no section feeds at all

        # Feeds per tag (or category), author and language, off unless named here: OUTPUT/tags/SLUG/atom.xml,
        # OUTPUT/authors/SLUG/…, OUTPUT/languages/CODE/…. A term with fewer than min_entries articles (default
        # 2) gets no feed.
        # taxonomies:
        #   tags:
        #     min_entries: 3
        #     content: summary
        #   authors: true
        #   languages: true

        """
}
