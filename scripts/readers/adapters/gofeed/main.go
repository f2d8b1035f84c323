// Crier's gofeed adapter: reads one feed file with github.com/mmcdole/gofeed (the parser of many Go readers)
// and prints what it saw as one JSON object (see scripts/readers/read.py for the shape).
package main

import (
	"encoding/json"
	"os"
	"time"

	"github.com/mmcdole/gofeed"
)

type item struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Link      string  `json:"link"`
	Published *string `json:"published"`
	Updated   *string `json:"updated"`
}

type view struct {
	OK      bool   `json:"ok"`
	Error   string `json:"error"`
	Title   string `json:"title"`
	Entries []item `json:"entries"`
}

// utc writes a parsed date as ISO 8601 in UTC; a date gofeed could not parse is kept as "raw:" text.
func utc(parsed *time.Time, raw string) *string {
	var text string
	switch {
	case parsed != nil:
		text = parsed.UTC().Format("2006-01-02T15:04:05Z")
	case raw != "":
		text = "raw:" + raw
	default:
		return nil
	}
	return &text
}

func main() {
	result := view{Entries: []item{}}
	defer func() { json.NewEncoder(os.Stdout).Encode(result) }()
	file, err := os.Open(os.Args[1])
	if err != nil {
		result.Error = err.Error()
		return
	}
	defer file.Close()
	feed, err := gofeed.NewParser().Parse(file)
	if err != nil {
		result.Error = err.Error()
		return
	}
	result.OK = true
	result.Title = feed.Title
	for _, entry := range feed.Items {
		result.Entries = append(result.Entries, item{entry.GUID, entry.Title, entry.Link,
			utc(entry.PublishedParsed, entry.Published), utc(entry.UpdatedParsed, entry.Updated)})
	}
}
