// Crier's Rome adapter: reads one feed file with Rome's SyndFeedInput (the Java library most JVM readers use)
// and prints what it saw as one JSON object (see scripts/readers/read.py for the shape).
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.File;
import java.util.Date;

public class ReadFeed {
    /** A JSON string literal, or null. */
    static String json(String text) {
        if (text == null) return "null";
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    static String date(Date date) {
        return date == null ? "null" : json(date.toInstant().toString());
    }

    /** Rome says which titles are HTML (an Atom type, or RSS it guesses from). */
    static boolean isHTML(SyndContent content) {
        return content != null && content.getType() != null && content.getType().toLowerCase().contains("html");
    }

    public static void main(String[] arguments) {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new File(arguments[0])));
        } catch (Exception error) {
            System.out.println("{\"ok\":false,\"error\":" + json(error.toString()) + ",\"entries\":[]}");
            return;
        }
        StringBuilder out = new StringBuilder("{\"ok\":true,\"error\":\"\",\"title\":").append(json(feed.getTitle()));
        out.append(",\"titleIsHTML\":").append(isHTML(feed.getTitleEx())).append(",\"entries\":[");
        String separator = "";
        for (SyndEntry entry : feed.getEntries()) {
            out.append(separator).append("{\"id\":").append(json(entry.getUri()));
            out.append(",\"title\":").append(json(entry.getTitle()));
            out.append(",\"titleIsHTML\":").append(isHTML(entry.getTitleEx()));
            out.append(",\"link\":").append(json(entry.getLink()));
            out.append(",\"published\":").append(date(entry.getPublishedDate()));
            out.append(",\"updated\":").append(date(entry.getUpdatedDate())).append('}');
            separator = ",";
        }
        System.out.println(out.append("]}"));
    }
}
