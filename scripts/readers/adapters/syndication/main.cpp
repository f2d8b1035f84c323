// Crier's KDE Syndication adapter: reads one feed file with KDE Frameworks' Syndication library (Akregator's
// parser) and prints what it saw as one JSON object (see scripts/readers/read.py for the shape). The library's
// titles are HTML by contract; Akregator shows them through Syndication::htmlToPlainText, so this does too.
#include <Syndication/DocumentSource>
#include <Syndication/Feed>
#include <Syndication/Item>
#include <Syndication/ParserCollection>
#include <Syndication/Tools>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

static QJsonValue utc(time_t seconds)
{
    if (seconds == 0) return QJsonValue(QJsonValue::Null);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

int main(int argc, char **argv)
{
    QJsonObject view{{"ok", false}, {"error", ""}, {"entries", QJsonArray()}};
    QFile file(QString::fromLocal8Bit(argc > 1 ? argv[1] : ""));
    if (!file.open(QIODevice::ReadOnly)) {
        view["error"] = "cannot open the file";
    } else {
        Syndication::DocumentSource source(file.readAll(), QStringLiteral("file:///feed"));
        Syndication::FeedPtr feed = Syndication::parserCollection()->parse(source);
        if (!feed) {
            view["error"] = QStringLiteral("not parsed (error code %1)").arg(Syndication::parserCollection()->lastError());
        } else {
            view["ok"] = true;
            view["title"] = Syndication::htmlToPlainText(feed->title());
            QJsonArray entries;
            for (const Syndication::ItemPtr &item : feed->items()) {
                entries.append(QJsonObject{{"id", item->id()}, {"title", Syndication::htmlToPlainText(item->title())},
                                           {"link", item->link()}, {"published", utc(item->datePublished())},
                                           {"updated", utc(item->dateUpdated())}});
            }
            view["entries"] = entries;
        }
    }
    std::puts(QJsonDocument(view).toJson(QJsonDocument::Compact).constData());
    return 0;
}
