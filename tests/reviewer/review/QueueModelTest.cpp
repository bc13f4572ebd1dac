// The queue table a reviewer works from: filled from the server's pages, appended as they
// scroll, sorted, coloured by service level, and keeping their selection when it refreshes.
#include <catch2/catch.hpp>

#include <QBrush>
#include <QFont>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QSortFilterProxyModel>

#include "review/QueueModel.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"

using namespace tessera;
using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

QueuePage page(const QJsonObject& json) {
    auto parsed = parseQueuePage(json);
    REQUIRE(parsed);
    return *parsed;
}

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole) {
    return model.data(model.index(row, column), role).toString();
}

QStringList caseIds(const QAbstractItemModel& model) {
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) ids << model.data(model.index(row, 0), QueueModel::CaseIdRole).toString();
    return ids;
}

QueuePage pageOf(const QList<QueueItemSpec>& specs, const QString& next = {}) {
    QJsonArray items;
    for (const auto& spec : specs) items.append(queueItemJson(spec));
    return page(QJsonObject{{"items", items}, {"next", next.isEmpty() ? QJsonValue() : QJsonValue(next)}});
}

}  // namespace

TEST_CASE("the server's queue page fills the table with what a reviewer reads", "[review][queue]") {
    QueueModel model;
    auto parsed = parseQueuePage(queuePageSample());
    REQUIRE(parsed);
    model.setPage(*parsed);

    REQUIRE(model.rowCount() == 2);
    CHECK(model.columnCount() == QueueModel::ColumnCount);
    CHECK(cell(model, 0, QueueModel::CaseColumn) == QString::fromUtf8("54220845…"));
    CHECK(cell(model, 0, QueueModel::CaseColumn, Qt::ToolTipRole) == "5422084511ba5c7776fe16260274fb2e");
    CHECK(cell(model, 0, QueueModel::StateColumn) == "Waiting");
    CHECK(cell(model, 0, QueueModel::EvidenceColumn) == "Document photos");
    CHECK(cell(model, 0, QueueModel::LevelColumn) == "Level 2");
    CHECK(cell(model, 0, QueueModel::WaitingColumn) == "0 min");
    CHECK(cell(model, 0, QueueModel::ClaimedByColumn).isEmpty());
    CHECK(model.headerData(QueueModel::ServiceLevelColumn, Qt::Horizontal).toString() == "Service level");
    CHECK_FALSE(model.hasMorePages());
}

TEST_CASE("a flagged case shows why it was flagged, and a case I hold shows as mine", "[review][queue]") {
    QueueModel model;
    auto flagged = parseQueuePage(flaggedQueuePageSample());
    REQUIRE(flagged);
    model.setPage(*flagged);
    CHECK(cell(model, 0, QueueModel::StateColumn) == "Flagged: The case needs a senior reviewer's judgement.");
    CHECK(cell(model, 0, QueueModel::StateColumn, QueueModel::StateRole) == "flagged");

    model.setPage(pageOf({{.id = "mine", .state = "in_review", .claimedBy = "6bca38feedb7bc89cb4cfc8ea1083fe7", .claimedByMe = true},
                          {.id = "theirs", .state = "in_review", .claimedBy = "0f160ef4ca4ce7342ca9d4a6b1d4fbdd"}}));
    CHECK(cell(model, 0, QueueModel::ClaimedByColumn) == "You");
    CHECK(model.data(model.index(0, 0), Qt::FontRole).value<QFont>().bold());
    CHECK(cell(model, 1, QueueModel::ClaimedByColumn) == QString::fromUtf8("Reviewer 0f160ef4…"));
    CHECK(model.data(model.index(1, 0), QueueModel::ClaimedRole).toBool());
    CHECK_FALSE(model.data(model.index(1, 0), QueueModel::ClaimedByMeRole).toBool());
}

TEST_CASE("scrolling to the end asks once for the next page, which is appended", "[review][queue][pages]") {
    QueueModel model;
    QStringList wanted;
    QObject::connect(&model, &QueueModel::morePagesWanted, [&](const QString& cursor) { wanted << cursor; });
    model.setPage(page(queuePageJson(0, 25, "cursor-1")));
    REQUIRE(model.rowCount() == 25);
    CHECK(model.hasMorePages());

    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({});  // the view asks again while the page is on its way
    CHECK(wanted == QStringList{"cursor-1"});
    CHECK_FALSE(model.canFetchMore({}));

    // The next page overlaps by one case (it moved while paging): listed once, updated.
    QJsonObject second = queuePageJson(24, 50, "cursor-2");
    model.appendPage(page(second));
    CHECK(model.rowCount() == 50);
    CHECK(caseIds(model).count("case-24") == 1);
    CHECK(caseIds(model).at(49) == "case-49");
    CHECK(model.canFetchMore({}));

    model.appendPage(page(queuePageJson(50, 60)));
    CHECK(model.rowCount() == 60);
    CHECK_FALSE(model.hasMorePages());
    CHECK_FALSE(model.canFetchMore({}));
}

TEST_CASE("each column sorts by its value, not by its words", "[review][queue][sort]") {
    QueueModel model;
    model.setPage(pageOf({{.id = "a", .state = "flagged", .evidence = "document_photo", .ageSeconds = 7200},
                          {.id = "b", .state = "submitted", .evidence = "document_video", .ageSeconds = 59},
                          {.id = "c", .state = "in_review", .evidence = "duplicate_person", .ageSeconds = 86400 * 3}}));
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(QueueModel::SortRole);

    // "1 min" < "2 h 0 min" < "3 d 0 h" only by seconds, never alphabetically.
    sorted.sort(QueueModel::WaitingColumn, Qt::AscendingOrder);
    CHECK(caseIds(sorted) == QStringList{"b", "a", "c"});
    sorted.sort(QueueModel::WaitingColumn, Qt::DescendingOrder);
    CHECK(caseIds(sorted) == QStringList{"c", "a", "b"});
    // States in the order of the work: waiting, in review, flagged.
    sorted.sort(QueueModel::StateColumn, Qt::AscendingOrder);
    CHECK(caseIds(sorted) == QStringList{"b", "c", "a"});
    // The most urgent service level first.
    sorted.sort(QueueModel::ServiceLevelColumn, Qt::AscendingOrder);
    CHECK(caseIds(sorted) == QStringList{"c", "a", "b"});
    sorted.sort(QueueModel::LevelColumn, Qt::DescendingOrder);
    CHECK(caseIds(sorted).first() == "b");
}

TEST_CASE("the service level colour and words follow the configured target", "[review][queue][sla]") {
    QueueModel model;
    model.setSlaPolicy(SlaPolicy{3600, 0.75});
    model.setPage(pageOf({{.id = "fresh", .ageSeconds = 600},
                          {.id = "soon", .ageSeconds = 50 * 60},
                          {.id = "late", .ageSeconds = 2 * 3600},
                          {.id = "done", .state = "approved", .ageSeconds = 5 * 3600}}));
    auto level = [&](int row) {
        return static_cast<SlaLevel>(model.data(model.index(row, 0), QueueModel::SlaLevelRole).toInt());
    };
    auto colour = [&](int row) {
        return model.data(model.index(row, QueueModel::ServiceLevelColumn), Qt::BackgroundRole).value<QBrush>().color();
    };
    CHECK(level(0) == SlaLevel::OnTime);
    CHECK(level(1) == SlaLevel::DueSoon);
    CHECK(level(2) == SlaLevel::Overdue);
    CHECK(level(3) == SlaLevel::NotApplicable);
    CHECK(colour(0) == slaColour(SlaLevel::OnTime));
    CHECK(colour(1) == slaColour(SlaLevel::DueSoon));
    CHECK(colour(2) == slaColour(SlaLevel::Overdue));
    CHECK(colour(0) != colour(2));
    CHECK_FALSE(model.data(model.index(3, QueueModel::ServiceLevelColumn), Qt::BackgroundRole).isValid());
    CHECK(cell(model, 0, QueueModel::ServiceLevelColumn) == "On time (50 min left)");
    CHECK(cell(model, 1, QueueModel::ServiceLevelColumn) == "Due soon (10 min left)");
    CHECK(cell(model, 2, QueueModel::ServiceLevelColumn) == "Overdue by 1 h 0 min");
    CHECK(cell(model, 3, QueueModel::ServiceLevelColumn).isEmpty());

    // A longer target (the operator's setting) turns the late case back to on time.
    int changed = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, [&] { ++changed; });
    model.setSlaPolicy(SlaPolicy{48 * 3600, 0.75});
    CHECK(changed == 1);
    CHECK(level(2) == SlaLevel::OnTime);
}

TEST_CASE("the service level the server sends with its queue page is the one the colours follow",
          "[review][queue][sla]") {
    QueueModel model;
    QJsonArray items{queueItemJson({.id = "day-old", .ageSeconds = 26 * 3600})};
    model.setPage(page(QJsonObject{{"items", items}, {"next", QJsonValue()}, {"slaSeconds", 24 * 3600}}));
    const auto level = [&] { return static_cast<SlaLevel>(model.data(model.index(0, 0), QueueModel::SlaLevelRole).toInt()); };
    CHECK(level() == SlaLevel::Overdue);  // beyond the server's 24 hours (the workstation's own default is 48)
    // A page that says nothing keeps the last level the server gave.
    model.setPage(page(QJsonObject{{"items", items}, {"next", QJsonValue()}}));
    CHECK(level() == SlaLevel::Overdue);
}

TEST_CASE("a refresh keeps the reviewer's selected case selected, wherever it moves", "[review][queue][refresh]") {
    QueueModel model;
    model.setPage(pageOf({{.id = "c1"}, {.id = "c2"}, {.id = "c3"}, {.id = "c4"}}));
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(2, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    REQUIRE(selection.currentIndex().data(QueueModel::CaseIdRole).toString() == "c3");

    // c1 was decided by someone else, c9 arrived first, c4 and c3 swapped, c3 was claimed.
    model.setPage(pageOf({{.id = "c9"}, {.id = "c2"}, {.id = "c4"},
                          {.id = "c3", .state = "in_review", .claimedBy = "0f160ef4ca4ce7342ca9d4a6b1d4fbdd"}}));

    CHECK(caseIds(model) == QStringList{"c9", "c2", "c4", "c3"});
    CHECK(selection.currentIndex().data(QueueModel::CaseIdRole).toString() == "c3");
    REQUIRE(selection.selectedRows().size() == 1);
    CHECK(selection.selectedRows().first().row() == 3);
    CHECK(cell(model, 3, QueueModel::StateColumn) == "In review");  // its new data shows

    // The selected case gone from the queue: no other case becomes selected in its place.
    model.setPage(pageOf({{.id = "c9"}, {.id = "c2"}}));
    CHECK(selection.selectedRows().isEmpty());
}

TEST_CASE("a queue answer that cannot be read is a clear error, never a half-filled table", "[review][queue][malformed]") {
    auto problemOf = [](const QByteArray& json) {
        auto parsed = parseQueuePage(json);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == "malformed_answer");
        return QString::fromStdString(parsed.error().message);
    };
    CHECK(problemOf("<html>Bad gateway</html>").contains("not JSON"));
    CHECK(problemOf("[1, 2]").contains("not a JSON object"));
    CHECK(problemOf(R"({"next": null})").contains("\"items\" is missing"));
    CHECK(problemOf(R"({"items": {}, "next": null})").contains("\"items\" is not a list"));
    CHECK(problemOf(R"({"items": [42], "next": null})").contains("\"items[0]\" is not an object"));

    QJsonObject good = queueItemJson({.id = "x"});
    QJsonObject badState = good;
    badState["state"] = "pending";
    QJsonObject badAge = good;
    badAge["ageSeconds"] = "ten minutes";
    QJsonObject noId = good;
    noId.remove("id");
    auto pageWith = [&](const QJsonObject& item) {
        return jsonBytes(QJsonObject{{"items", QJsonArray{good, item}}, {"next", QJsonValue()}});
    };
    CHECK(problemOf(pageWith(badState)).contains("\"items[1].state\" is not a known state"));
    CHECK(problemOf(pageWith(badAge)).contains("\"items[1].ageSeconds\" is not a whole number"));
    CHECK(problemOf(pageWith(noId)).contains("\"items[1].id\" is missing"));
    CHECK(problemOf(pageWith(badState)).contains("Try again"));

    // The table the reviewer had stays as it was: a bad answer never reaches it.
    QueueModel model;
    model.setPage(pageOf({{.id = "kept"}}));
    if (auto parsed = parseQueuePage(pageWith(badState))) model.setPage(*parsed);
    CHECK(caseIds(model) == QStringList{"kept"});
}
