// The queue view: one key claims the next case, the keyboard moves through the cases and opens
// one, filters and counts reach the server's query, and it fits the smallest screen.
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QComboBox>
#include <QJsonArray>
#include <QTableView>

#include "KeyPress.h"
#include "WidgetChecks.h"
#include "support/EventLoopWait.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"
#include "ui/QueueView.h"

using namespace tessera;
using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

QueuePage pageOf(const QList<QueueItemSpec>& specs, const QString& next = {}) {
    QJsonArray items;
    for (const auto& spec : specs) items.append(queueItemJson(spec));
    auto page = parseQueuePage(QJsonObject{{"items", items}, {"next", next.isEmpty() ? QJsonValue() : QJsonValue(next)}});
    REQUIRE(page);
    return *page;
}

QueuePage demoQueue() {
    return pageOf({
        {.id = "6f0c2a9e41d84b7f9a3c5e1d2b4a6c8e", .evidence = "document_video", .ageSeconds = 52 * 3600},
        {.id = "5422084511ba5c7776fe16260274fb2e", .state = "in_review", .evidence = "document_photo",
         .ageSeconds = 40 * 3600, .claimedBy = "6bca38feedb7bc89cb4cfc8ea1083fe7", .claimedByMe = true},
        {.id = "a13be0c94f2d4e8b8c7d6e5f4a3b2c1d", .state = "flagged", .evidence = "document_video",
         .ageSeconds = 30 * 3600, .flagReason = "photo_mismatch"},
        {.id = "dc0b8ea3d89616c776cedf9c4276aac2", .evidence = "document_photo", .ageSeconds = 20 * 3600},
        {.id = "0b7e6d5c4b3a29180f7e6d5c4b3a2918", .state = "in_review", .evidence = "document_video",
         .ageSeconds = 3 * 3600, .claimedBy = "0f160ef4ca4ce7342ca9d4a6b1d4fbdd"},
        {.id = "77aa00bb11cc22dd33ee44ff55aa66bb", .evidence = "duplicate_person", .ageSeconds = 25 * 60},
    });
}

struct Queue {
    QueueView view;
    QList<QueueFilter> claims, refreshes;
    QStringList opened;
    Queue() {
        QObject::connect(&view, &QueueView::claimNextRequested, [this](const QueueFilter& f) { claims << f; });
        QObject::connect(&view, &QueueView::refreshRequested, [this](const QueueFilter& f) { refreshes << f; });
        QObject::connect(&view, &QueueView::caseOpenRequested, [this](const QString& id) { opened << id; });
        view.resize(kSmallScreen);
        activate(&view);
        view.table()->setFocus();
    }
    QComboBox* box(const QString& name) {
        for (QComboBox* b : view.findChildren<QComboBox*>())
            if (b->accessibleName() == name) return b;
        FAIL("no box " << name.toStdString());
        return nullptr;
    }
};

}  // namespace

TEST_CASE("N claims the next case of the filter the reviewer is looking at", "[ui][queue][keys]") {
    Queue q;
    q.view.model()->setPage(demoQueue());
    pressKey(q.view.table(), Qt::Key_N);
    REQUIRE(q.claims.size() == 1);
    CHECK(q.claims[0] == QueueFilter{});

    q.box("Show cases with evidence")->setCurrentIndex(1);  // document and video
    pressKey(q.view.table(), Qt::Key_N);
    REQUIRE(q.claims.size() == 2);
    CHECK(q.claims[1].evidence == "document_video");
    CHECK(q.claims[1].toClaimNextBody() == QJsonObject{{"evidence", "document_video"}});

    // While a request is on its way, N waits for it rather than claiming twice.
    q.view.setBusy(true);
    pressKey(q.view.table(), Qt::Key_N);
    CHECK(q.claims.size() == 2);
    q.view.setBusy(false);
    for (QAbstractButton* b : q.view.findChildren<QAbstractButton*>())
        if (b->accessibleName() == "Claim the next case") b->click();
    CHECK(q.claims.size() == 3);
}

TEST_CASE("the arrow keys move through the cases and Enter opens one", "[ui][queue][keys]") {
    Queue q;
    q.view.model()->setPage(demoQueue());
    q.view.table()->setCurrentIndex(q.view.table()->model()->index(0, 0));
    CHECK(q.view.selectedCaseId() == "6f0c2a9e41d84b7f9a3c5e1d2b4a6c8e");  // the oldest first
    pressKey(q.view.table(), Qt::Key_Down);
    pressKey(q.view.table(), Qt::Key_Down);
    CHECK(q.view.selectedCaseId() == "a13be0c94f2d4e8b8c7d6e5f4a3b2c1d");
    pressKey(q.view.table(), Qt::Key_Return);
    CHECK(q.opened == QStringList{"a13be0c94f2d4e8b8c7d6e5f4a3b2c1d"});
    pressKey(q.view.table(), Qt::Key_End, Qt::ControlModifier);
    CHECK(q.view.selectedCaseId() == "77aa00bb11cc22dd33ee44ff55aa66bb");

    // A refresh with the selected case moved keeps it selected.
    QueuePage refreshed = demoQueue();
    refreshed.items.move(5, 0);
    refreshed.items.removeAt(3);
    q.view.model()->setPage(refreshed);
    CHECK(q.view.selectedCaseId() == "77aa00bb11cc22dd33ee44ff55aa66bb");
}

TEST_CASE("F5 refreshes – the filters ask the server and narrow the table at once", "[ui][queue][filter]") {
    Queue q;
    q.view.model()->setPage(demoQueue());
    pressKey(q.view.table(), Qt::Key_F5);
    REQUIRE(q.refreshes.size() == 1);
    CHECK(q.view.table()->model()->rowCount() == 6);

    QComboBox* state = q.box("Show cases in state");
    state->setCurrentIndex(state->findText("Flagged"));
    REQUIRE(q.refreshes.size() == 2);
    CHECK(q.refreshes.last().states == QList<ApplicationState>{ApplicationState::Flagged});
    CHECK(q.refreshes.last().toUrlQuery().toString() == "state=flagged");
    CHECK(q.view.table()->model()->rowCount() == 1);  // before the server has answered

    q.view.setFilter({});
    CHECK(q.view.table()->model()->rowCount() == 6);
}

TEST_CASE("the counts per state show in the filter and beside it", "[ui][queue][counts]") {
    Queue q;
    auto counts = StateCounts::parse(QByteArray(R"({"counts": {"draft": 4, "submitted": 3, "in_review": 2, "flagged": 1,
                                                   "approved": 40, "rejected": 6, "withdrawn": 1, "expired": 0}})"));
    REQUIRE(counts);
    q.view.setCounts(*counts);
    QComboBox* state = q.box("Show cases in state");
    CHECK(state->itemText(0) == "Needing review (6)");
    CHECK(state->findText("Flagged (1)") >= 0);
    CHECK(state->findText("Approved (40)") >= 0);
    bool shown = false;
    for (QWidget* w : q.view.findChildren<QWidget*>())
        if (w->accessibleName() == "Cases per state")
            shown = w->property("text").toString() == QString::fromUtf8("Waiting 3 · In review 2 · Flagged 1");
    CHECK(shown);
}

TEST_CASE("the queue fits the smallest screen, names its controls, and is photographed", "[ui][queue][a11y]") {
    Queue q;
    q.view.model()->setPage(demoQueue());
    auto counts = StateCounts::parse(QByteArray(R"({"counts": {"submitted": 3, "in_review": 2, "flagged": 1}})"));
    REQUIRE(counts);
    q.view.setCounts(*counts);
    q.view.selectCase("5422084511ba5c7776fe16260274fb2e");
    CHECK(q.view.minimumSizeHint().width() <= kSmallScreen.width());
    CHECK(q.view.minimumSizeHint().height() <= kSmallScreen.height());
    CHECK(unnamedControls(&q.view).isEmpty());
    processEventsFor(50);
    const QString path = saveScreenshot(&q.view, QStringLiteral("queue"));
    CHECK(QImage(path).size() == kSmallScreen * q.view.devicePixelRatio());  // 2x on a high-DPI screen
}
