// The decision dialog: it refuses what the server would refuse, says what is missing, and
// confirms by naming the citizen and the decision before anything is sent.
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QRadioButton>

#include "KeyPress.h"
#include "WidgetChecks.h"
#include "support/EventLoopWait.h"
#include "support/QStringPrinting.h"
#include "ui/DecisionDialog.h"

using namespace tessera;
using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

const QString kCitizen = QStringLiteral("Eilidh Mairi MacLeod");

template <class T>
T* named(QWidget* root, const QString& name) {
    for (T* w : root->findChildren<T*>())
        if (w->accessibleName() == name && w->isVisible()) return w;
    FAIL("no visible control named " << name.toStdString());
    return nullptr;
}

void click(QWidget* root, const QString& name) { named<QAbstractButton>(root, name)->click(); }

// Alt+letter presses the radio button, which (like a mouse click) acts a moment later.
void choose(DecisionDialog& dialog, Qt::Key key, ReviewDecision expected) {
    pressKey(&dialog, key, Qt::AltModifier);
    CHECK(waitFor([&] { return dialog.decision() == expected; }, 2000));
}

struct Dialog {
    DecisionDialog dialog;
    QList<DecisionDraft> sent;
    explicit Dialog(ReviewDecision initial) : dialog(kCitizen, initial) {
        QObject::connect(&dialog, &DecisionDialog::decisionConfirmed, [this](const DecisionDraft& d) { sent << d; });
        activate(&dialog);
    }
    void chooseReason(const QString& text) {
        QComboBox* box = named<QComboBox>(&dialog, "Reason");
        const int index = box->findText(text);
        REQUIRE(index >= 0);
        box->setCurrentIndex(index);
    }
    void type(const QString& box, const QString& text) { named<QPlainTextEdit>(&dialog, box)->setPlainText(text); }
};

}  // namespace

TEST_CASE("a rejection without a reason or a message is refused, saying what is missing", "[ui][decision]") {
    Dialog d(ReviewDecision::Reject);
    click(&d.dialog, "Continue to the confirmation");
    CHECK_FALSE(d.dialog.confirming());
    CHECK_FALSE(d.dialog.problem().isEmpty());
    CHECK(d.sent.isEmpty());

    d.chooseReason("The document photos cannot be read clearly.");
    click(&d.dialog, "Continue to the confirmation");
    CHECK_FALSE(d.dialog.confirming());
    CHECK(d.dialog.problem() == "Write a message telling the citizen why, and what they can do next.");

    d.type("Message to the citizen", "   ");
    click(&d.dialog, "Continue to the confirmation");
    CHECK_FALSE(d.dialog.confirming());
    CHECK(d.sent.isEmpty());

    // The problem clears as soon as it is fixed.
    d.type("Message to the citizen", "The photo of the front is blurred: please upload a sharper one.");
    CHECK(d.dialog.problem().isEmpty());
}

TEST_CASE("a rejection is confirmed by naming the citizen, the reason and the message, then sent", "[ui][decision]") {
    Dialog d(ReviewDecision::Reject);
    d.chooseReason("The document photos cannot be read clearly.");
    d.type("Message to the citizen", "The photo of the front is blurred: please upload a sharper one.");
    click(&d.dialog, "Continue to the confirmation");
    REQUIRE(d.dialog.confirming());
    const QString text = d.dialog.confirmationText();
    CHECK(text.startsWith("Reject the application of Eilidh Mairi MacLeod?"));
    CHECK(text.contains("The document photos cannot be read clearly."));
    CHECK(text.contains("please upload a sharper one"));
    CHECK(d.sent.isEmpty());  // nothing leaves before the confirmation

    click(&d.dialog, "Confirm rejection");
    REQUIRE(d.sent.size() == 1);
    CHECK(d.sent[0].decision == ReviewDecision::Reject);
    CHECK(d.sent[0].reason == DecisionReason::DocumentUnreadable);
    CHECK(d.sent[0].messageToCitizen == "The photo of the front is blurred: please upload a sharper one.");
    CHECK(d.dialog.result() == QDialog::Accepted);
}

TEST_CASE("going back from the confirmation changes the decision, and sends nothing", "[ui][decision]") {
    Dialog d(ReviewDecision::Approve);
    click(&d.dialog, "Continue to the confirmation");
    REQUIRE(d.dialog.confirming());
    CHECK(d.dialog.confirmationText().startsWith("Approve the application of Eilidh Mairi MacLeod?"));
    click(&d.dialog, "Back to change the decision");
    CHECK_FALSE(d.dialog.confirming());

    // Alt+F chooses the flag; a flag needs a reason and a note for the senior reviewer.
    choose(d.dialog, Qt::Key_F, ReviewDecision::Flag);
    d.chooseReason("The case needs a senior reviewer's judgement.");
    click(&d.dialog, "Continue to the confirmation");
    CHECK(d.dialog.problem() == "Write a note for the senior reviewer.");
    d.type("Note for the senior reviewer", "The portrait looks older than the video.");
    click(&d.dialog, "Continue to the confirmation");
    REQUIRE(d.dialog.confirming());
    CHECK(d.dialog.confirmationText().startsWith("Flag the application of Eilidh Mairi MacLeod for a senior reviewer?"));
    click(&d.dialog, "Confirm flag");
    REQUIRE(d.sent.size() == 1);
    CHECK(d.sent[0].decision == ReviewDecision::Flag);
    CHECK(d.sent[0].note == "The portrait looks older than the video.");
    CHECK(d.sent[0].messageToCitizen.isEmpty());
}

TEST_CASE("each decision offers only the reasons that apply to it", "[ui][decision]") {
    Dialog d(ReviewDecision::Reject);
    const QList<DecisionReason> forReject = d.dialog.offeredReasons();
    CHECK(forReject.contains(DecisionReason::DocumentUnreadable));
    CHECK_FALSE(forReject.contains(DecisionReason::NeedsSeniorReview));
    for (DecisionReason r : forReject) CHECK(appliesTo(r, ReviewDecision::Reject));

    choose(d.dialog, Qt::Key_F, ReviewDecision::Flag);
    const QList<DecisionReason> forFlag = d.dialog.offeredReasons();
    CHECK(forFlag.contains(DecisionReason::NeedsSeniorReview));
    CHECK_FALSE(forFlag.contains(DecisionReason::DocumentUnreadable));
    for (DecisionReason r : forFlag) CHECK(appliesTo(r, ReviewDecision::Flag));

    choose(d.dialog, Qt::Key_A, ReviewDecision::Approve);
    CHECK(d.dialog.offeredReasons().isEmpty());
    CHECK(named<QRadioButton>(&d.dialog, "Approve")->isChecked());

    // An approval carries no reason or message, whatever was typed for another decision.
    choose(d.dialog, Qt::Key_R, ReviewDecision::Reject);
    d.chooseReason("The document has expired.");
    d.type("Message to the citizen", "Your licence has expired.");
    choose(d.dialog, Qt::Key_A, ReviewDecision::Approve);
    const DecisionDraft approval = d.dialog.draft();
    CHECK_FALSE(approval.reason.has_value());
    CHECK(approval.messageToCitizen.isEmpty());
    CHECK(draftProblem(approval).isEmpty());
}

TEST_CASE("every control of the decision dialog has a name for screen readers", "[ui][decision][a11y]") {
    Dialog d(ReviewDecision::Reject);
    CHECK(unnamedControls(&d.dialog).isEmpty());
    CHECK(d.dialog.sizeHint().width() <= kSmallScreen.width());
    CHECK(d.dialog.sizeHint().height() <= kSmallScreen.height());
}

