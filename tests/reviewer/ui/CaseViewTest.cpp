// The case view as a reviewer holding a case uses it: claims with mismatches highlighted, the
// photos and video asked for and shown, decisions by key with a confirmation, notes, and a
// screenshot at the smallest screen size.
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QJsonArray>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTabWidget>

#include "KeyPress.h"
#include "TestPictures.h"
#include "WebmSample.h"
#include "WidgetChecks.h"
#include "review/ClaimsComparisonModel.h"
#include "review/HistoryModel.h"
#include "support/EventLoopWait.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"
#include "ui/CaseView.h"
#include "ui/DecisionDialog.h"
#include "ui/ImageViewer.h"
#include "ui/VideoPanel.h"

using namespace tessera;
using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

CaseDetail caseFrom(const QJsonObject& json) {
    auto parsed = parseCaseDetail(json);
    REQUIRE(parsed);
    return *parsed;
}

struct Decision {
    QString caseId;
    DecisionDraft draft;
};

struct View {
    CaseView view;
    QList<CaseMedia> wanted;
    QList<Decision> decisions;
    QStringList notes;
    View() {
        QObject::connect(&view, &CaseView::mediaWanted, [this](const QString&, const CaseMedia& m) { wanted << m; });
        QObject::connect(&view, &CaseView::decisionRequested,
                         [this](const QString& id, const DecisionDraft& d) { decisions << Decision{id, d}; });
        QObject::connect(&view, &CaseView::noteRequested, [this](const QString&, const QString& n) { notes << n; });
        view.resize(kSmallScreen);
        activate(&view);
    }
    // Answers mediaWanted as the client would: specimen photos, and the sample video if any.
    void deliverMedia() {
        for (const CaseMedia& m : wanted) {
            if (m.slot == "document_front") view.setMediaData(m.id, jpegBytes(specimenDocumentFront()));
            else if (m.slot == "document_back") view.setMediaData(m.id, jpegBytes(specimenDocumentBack()));
            else if (!webmSample().bytes.isEmpty()) view.setMediaData(m.id, webmSample().bytes);
        }
    }
    QString labelText(const QString& name) {
        for (QLabel* l : view.findChildren<QLabel*>())
            if (l->accessibleName() == name) return l->text();
        return {};
    }
};

}  // namespace

TEST_CASE("opening a held case shows the citizen, highlights mismatches and asks for the media", "[ui][case]") {
    View v;
    v.view.setCase(caseFrom(caseWithMismatchesJson()));
    CHECK(v.labelText("Citizen") == "Eilidh Mairi MacLeod");
    CHECK(v.labelText("Case state").startsWith(QString::fromUtf8("In review · Document and video · Level 3")));
    CHECK(v.labelText("Mismatches") == "4 mismatch(es): check the highlighted rows.");
    CHECK(v.labelText("Document checks").contains("Expired on 2026-10-01"));
    CHECK(v.view.claimsModel()->mismatchCount() == 4);
    CHECK(v.view.canDecide());

    REQUIRE(v.wanted.size() == 3);
    QStringList mediaSlots;
    for (const CaseMedia& m : v.wanted) mediaSlots << m.slot;
    CHECK(mediaSlots.contains("document_front"));
    CHECK(mediaSlots.contains("selfie_video"));

    v.deliverMedia();
    CHECK(v.view.frontViewer()->hasImage());
    CHECK(v.view.backViewer()->hasImage());
    CHECK(v.view.frontViewer()->image().size() == QSize(800, 504));

    // The same case again (a renewed claim): nothing is fetched twice.
    v.view.setCase(caseFrom(caseWithMismatchesJson()));
    CHECK(v.wanted.size() == 3);
    CHECK(v.view.frontViewer()->hasImage());
}

TEST_CASE("R opens the decision – the confirmation names the citizen – the decision leaves once", "[ui][case][decision]") {
    View v;
    v.view.setCase(caseFrom(caseWithMismatchesJson()));
    v.view.tabs()->setFocus();
    pressKey(&v.view, Qt::Key_R);
    DecisionDialog* dialog = v.view.decisionDialog();
    REQUIRE(dialog);
    CHECK(dialog->decision() == ReviewDecision::Reject);
    dialog->setReason(DecisionReason::DocumentExpired);
    dialog->setMessage("Your driving licence expired on 1 October. Please apply again with a valid document.");
    dialog->proceed();
    REQUIRE(dialog->confirming());
    CHECK(dialog->confirmationText().contains("Reject the application of Eilidh Mairi MacLeod?"));
    CHECK(v.decisions.isEmpty());
    dialog->confirm();
    REQUIRE(v.decisions.size() == 1);
    CHECK(v.decisions[0].caseId == "5422084511ba5c7776fe16260274fb2e");
    CHECK(v.decisions[0].draft.reason == DecisionReason::DocumentExpired);
    CHECK(v.view.decisionDialog() == nullptr);  // closed and done with

    // A and F open it on approve and flag.
    activate(&v.view);
    pressKey(&v.view, Qt::Key_A);
    REQUIRE(v.view.decisionDialog());
    CHECK(v.view.decisionDialog()->decision() == ReviewDecision::Approve);
    pressKey(v.view.decisionDialog(), Qt::Key_Escape);
    CHECK(v.view.decisionDialog() == nullptr);
    activate(&v.view);
    pressKey(&v.view, Qt::Key_F);
    REQUIRE(v.view.decisionDialog());
    CHECK(v.view.decisionDialog()->decision() == ReviewDecision::Flag);
    v.view.decisionDialog()->reject();
    CHECK(v.decisions.size() == 1);
}

TEST_CASE("a note is typed, sent and shown in the history – typing never triggers a decision", "[ui][case][notes]") {
    View v;
    v.view.setCase(caseFrom(jsonObject(caseFullSample())));
    v.view.tabs()->setCurrentIndex(1);
    QPlainTextEdit* box = v.view.noteBox();
    box->setFocus();
    for (Qt::Key key : {Qt::Key_A, Qt::Key_R, Qt::Key_F}) pressKey(&v.view, key);
    CHECK(v.view.decisionDialog() == nullptr);
    CHECK(box->toPlainText() == "arf");

    box->setPlainText("  Back photo slightly blurred; front is clear.  ");
    pressKey(&v.view, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(v.notes == QStringList{"Back photo slightly blurred; front is clear."});

    auto added = parseCaseNote(noteSample());
    REQUIRE(added);
    const int before = v.view.historyModel()->rowCount();
    v.view.noteAdded(*added);
    CHECK(v.view.historyModel()->rowCount() == before + 1);
    CHECK(box->toPlainText().isEmpty());

    box->setPlainText(QString(kNoteMaxChars + 1, QLatin1Char('x')));
    v.view.submitNote();
    CHECK(v.notes.size() == 1);
    CHECK(v.labelText("Case problem").contains("4000"));
}

TEST_CASE("a case someone else holds shows no person, no media and no decisions", "[ui][case]") {
    View v;
    v.view.setCase(caseFrom(jsonObject(caseSummarySample())));
    CHECK(v.wanted.isEmpty());
    CHECK_FALSE(v.view.canDecide());
    CHECK(v.labelText("Mismatches") == "Claim the case to see the citizen's details.");
    v.view.tabs()->setFocus();
    pressKey(&v.view, Qt::Key_A);
    CHECK(v.view.decisionDialog() == nullptr);
    CHECK(v.labelText("Case problem") == "Claim this case before deciding on it.");
    for (QAbstractButton* b : v.view.findChildren<QAbstractButton*>())
        if (b->accessibleName().startsWith("Approve") || b->accessibleName().startsWith("Reject")) CHECK_FALSE(b->isEnabled());
}

TEST_CASE("claiming a case seen in summary fetches its media then", "[ui][case]") {
    View v;
    QJsonObject summary = caseWithMismatchesJson();
    summary["full"] = false;
    summary["claims"] = QJsonValue();
    summary["document"] = QJsonValue();
    QJsonArray media = summary["media"].toArray();
    for (qsizetype i = 0; i < media.size(); ++i) {
        QJsonObject m = media[i].toObject();
        m["url"] = QJsonValue();
        m["urlExpiresAt"] = QJsonValue();
        media[i] = m;
    }
    summary["media"] = media;
    v.view.setCase(caseFrom(summary));
    CHECK(v.wanted.isEmpty());
    v.view.setCase(caseFrom(caseWithMismatchesJson()));  // now claimed: links for the holder
    CHECK(v.wanted.size() == 3);
    // A download that failed is asked for again the next time the case is shown.
    v.view.setMediaProblem(v.wanted.first().id, "The server cannot be reached.");
    v.view.setCase(caseFrom(caseWithMismatchesJson()));
    CHECK(v.wanted.size() == 4);
}

TEST_CASE("closing the case drops the person's media from memory", "[ui][case]") {
    View v;
    v.view.setCase(caseFrom(caseWithMismatchesJson()));
    v.deliverMedia();
    REQUIRE(v.view.frontViewer()->hasImage());
    v.view.clear();
    CHECK_FALSE(v.view.hasCase());
    CHECK_FALSE(v.view.frontViewer()->hasImage());
    CHECK_FALSE(v.view.backViewer()->hasImage());
    CHECK_FALSE(v.view.videoPanel()->hasVideo());
    CHECK(v.view.claimsModel()->rowCount() == 0);
    // A photo arriving late for the closed case is not kept.
    v.view.setMediaData(v.wanted.first().id, jpegBytes(specimenDocumentFront()));
    CHECK_FALSE(v.view.frontViewer()->hasImage());
}

TEST_CASE("the case view fits the smallest screen, names its controls, and is photographed", "[ui][case][a11y]") {
    View v;
    v.view.setCase(caseFrom(caseWithMismatchesJson()));
    v.deliverMedia();
    CHECK(v.view.minimumSizeHint().width() <= kSmallScreen.width());
    CHECK(v.view.minimumSizeHint().height() <= kSmallScreen.height());
    CHECK(unnamedControls(&v.view).isEmpty());

    VideoPanel* video = v.view.videoPanel();
    if (video->hasVideo()) {
        video->play();
        waitFor([&] { return video->position() >= 1000; }, 10'000);
        video->pause();
        processEventsFor(200);
        video->captureFrame();
        CHECK(v.view.stillViewer()->hasImage());
    } else {
        WARN("No WebM sample here: the screenshot shows the player without a video.");
    }
    processEventsFor(100);
    const QString path = saveScreenshot(&v.view, QStringLiteral("case-view"));
    // At the screen's pixel ratio (2 on a high-DPI screen), the video's frame drawn in it.
    CHECK(QImage(path).size() == kSmallScreen * v.view.devicePixelRatio());
}

