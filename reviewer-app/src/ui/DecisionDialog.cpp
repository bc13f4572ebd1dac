#include "ui/DecisionDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "review/ReviewLabels.h"

namespace tessera::reviewer {

namespace {

constexpr int kChoicePage = 0;
constexpr int kConfirmPage = 1;

QPlainTextEdit* textBox(QWidget* parent, const QString& name) {
    auto* box = new QPlainTextEdit(parent);
    box->setAccessibleName(name);
    box->setTabChangesFocus(true);
    box->setMinimumHeight(60);
    return box;
}

}  // namespace

DecisionDialog::DecisionDialog(const QString& citizenName, ReviewDecision initial, QWidget* parent)
    : QDialog(parent), citizen_(citizenName.trimmed().isEmpty() ? tr("this citizen") : citizenName.trimmed()) {
    setWindowTitle(tr("Decide on %1's application").arg(citizen_));
    setAccessibleName(tr("Decision"));
    setMinimumWidth(480);
    auto* layout = new QVBoxLayout(this);
    pages_ = new QStackedWidget(this);
    pages_->setAccessibleName(tr("Decision steps"));
    pages_->addWidget(buildChoicePage());
    pages_->addWidget(buildConfirmPage());
    layout->addWidget(pages_);
    setDecision(initial);
}

QWidget* DecisionDialog::buildChoicePage() {
    auto* page = new QWidget(this);
    page->setAccessibleName(tr("Choose the decision"));
    auto* layout = new QVBoxLayout(page);

    auto* row = new QHBoxLayout;
    choices_ = new QButtonGroup(page);
    const std::pair<ReviewDecision, QString> options[] = {
        {ReviewDecision::Approve, tr("&Approve")},
        {ReviewDecision::Reject, tr("&Reject")},
        {ReviewDecision::Flag, tr("&Flag for a senior reviewer")}};
    for (const auto& [decision, text] : options) {
        auto* radio = new QRadioButton(text, page);
        radio->setAccessibleName(ReviewLabels::decision(decision));
        choices_->addButton(radio, static_cast<int>(decision));
        row->addWidget(radio);
    }
    connect(choices_, &QButtonGroup::idClicked, this,
            [this](int id) { setDecision(static_cast<ReviewDecision>(id)); });
    layout->addLayout(row);

    auto* form = new QFormLayout;
    reason_ = new QComboBox(page);
    reason_->setAccessibleName(tr("Reason"));
    reasonLabel_ = new QLabel(tr("Reas&on:"), page);
    reasonLabel_->setBuddy(reason_);
    form->addRow(reasonLabel_, reason_);
    message_ = textBox(page, tr("Message to the citizen"));
    message_->setPlaceholderText(tr("What went wrong, and what they can do next. The citizen reads this."));
    messageLabel_ = new QLabel(tr("&Message to the citizen:"), page);
    messageLabel_->setBuddy(message_);
    form->addRow(messageLabel_, message_);
    note_ = textBox(page, tr("Note"));
    noteLabel_ = new QLabel(page);
    noteLabel_->setBuddy(note_);
    form->addRow(noteLabel_, note_);
    layout->addLayout(form);

    problem_ = new QLabel(page);
    problem_->setAccessibleName(tr("What needs fixing"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
    problem_->hide();
    layout->addWidget(problem_);

    auto* buttons = new QDialogButtonBox(page);
    QPushButton* next = buttons->addButton(tr("&Continue…"), QDialogButtonBox::AcceptRole);
    next->setAccessibleName(tr("Continue to the confirmation"));
    next->setDefault(true);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel the decision"));
    connect(next, &QPushButton::clicked, this, &DecisionDialog::proceed);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(reason_, &QComboBox::currentIndexChanged, this, [this] {
        if (problem_->isVisible()) showProblem(draftProblem(draft()));
    });
    for (QPlainTextEdit* box : {message_, note_})
        connect(box, &QPlainTextEdit::textChanged, this, [this] {
            if (problem_->isVisible()) showProblem(draftProblem(draft()));
        });
    return page;
}

QWidget* DecisionDialog::buildConfirmPage() {
    auto* page = new QWidget(this);
    page->setAccessibleName(tr("Confirm the decision"));
    auto* layout = new QVBoxLayout(page);
    confirmation_ = new QLabel(page);
    confirmation_->setAccessibleName(tr("Confirmation"));
    confirmation_->setWordWrap(true);
    confirmation_->setTextFormat(Qt::PlainText);
    layout->addWidget(confirmation_, 1);
    auto* buttons = new QDialogButtonBox(page);
    confirmButton_ = buttons->addButton(tr("Confirm"), QDialogButtonBox::AcceptRole);
    confirmButton_->setAccessibleName(tr("Confirm"));
    QPushButton* back = buttons->addButton(tr("&Back"), QDialogButtonBox::RejectRole);
    back->setAccessibleName(tr("Back to change the decision"));
    connect(confirmButton_, &QPushButton::clicked, this, &DecisionDialog::confirm);
    connect(back, &QPushButton::clicked, this, &DecisionDialog::back);
    layout->addWidget(buttons);
    return page;
}

void DecisionDialog::setDecision(ReviewDecision decision) {
    decision_ = decision;
    if (QAbstractButton* radio = choices_->button(static_cast<int>(decision))) radio->setChecked(true);
    fillReasons();
    updateFields();
    problem_->hide();
    problem_->clear();
}

void DecisionDialog::fillReasons() {
    const QVariant kept = reason_->currentData();
    const QSignalBlocker quiet(reason_);
    reason_->clear();
    if (decision_ == ReviewDecision::Approve) return;
    reason_->addItem(tr("Choose a reason…"), QVariant());
    for (const DecisionReasonInfo& info : allDecisionReasons())
        if (appliesTo(info.reason, decision_))
            reason_->addItem(ReviewLabels::reason(info.reason), static_cast<int>(info.reason));
    const int again = kept.isValid() ? reason_->findData(kept) : -1;
    reason_->setCurrentIndex(again >= 0 ? again : 0);
}

void DecisionDialog::updateFields() {
    const bool approve = decision_ == ReviewDecision::Approve;
    const bool reject = decision_ == ReviewDecision::Reject;
    reasonLabel_->setVisible(!approve);
    reason_->setVisible(!approve);
    messageLabel_->setVisible(reject);
    message_->setVisible(reject);
    const bool flag = decision_ == ReviewDecision::Flag;
    noteLabel_->setText(flag ? tr("&Note for the senior reviewer:") : tr("&Note for the case history (optional):"));
    note_->setAccessibleName(flag ? tr("Note for the senior reviewer") : tr("Note for the case history"));
}

QList<DecisionReason> DecisionDialog::offeredReasons() const {
    QList<DecisionReason> out;
    for (int i = 0; i < reason_->count(); ++i)
        if (reason_->itemData(i).isValid()) out.append(static_cast<DecisionReason>(reason_->itemData(i).toInt()));
    return out;
}

void DecisionDialog::setReason(DecisionReason reason) {
    const int index = reason_->findData(static_cast<int>(reason));
    if (index >= 0) reason_->setCurrentIndex(index);
}

void DecisionDialog::setMessage(const QString& message) { message_->setPlainText(message); }

void DecisionDialog::setNote(const QString& note) { note_->setPlainText(note); }

DecisionDraft DecisionDialog::draft() const {
    DecisionDraft d;
    d.decision = decision_;
    // Only what the decision takes: the server refuses a message on anything but a rejection.
    if (decision_ != ReviewDecision::Approve && reason_->currentData().isValid())
        d.reason = static_cast<DecisionReason>(reason_->currentData().toInt());
    if (decision_ == ReviewDecision::Reject) d.messageToCitizen = message_->toPlainText().trimmed();
    d.note = note_->toPlainText().trimmed();
    return d;
}

QString DecisionDialog::problem() const { return problem_->isVisible() ? problem_->text() : QString(); }

void DecisionDialog::showProblem(const QString& problem) {
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
}

bool DecisionDialog::confirming() const { return pages_->currentIndex() == kConfirmPage; }

QString DecisionDialog::confirmationText() const { return confirmation_->text(); }

void DecisionDialog::proceed() {
    const DecisionDraft d = draft();
    if (const QString problem = draftProblem(d); !problem.isEmpty()) {
        showProblem(problem);
        // Straight to what needs fixing.
        if (d.decision != ReviewDecision::Approve && !d.reason) reason_->setFocus();
        else if (d.decision == ReviewDecision::Reject) message_->setFocus();
        else note_->setFocus();
        return;
    }
    showProblem({});
    QString text;
    switch (d.decision) {
        case ReviewDecision::Approve:
            text = tr("Approve the application of %1? Their identity will count as verified at the level "
                      "they applied for.")
                       .arg(citizen_);
            confirmButton_->setText(tr("Confirm approval"));
            break;
        case ReviewDecision::Reject:
            text = tr("Reject the application of %1?\n\nReason: %2\n\n%1 will read:\n%3")
                       .arg(citizen_, ReviewLabels::reason(*d.reason), d.messageToCitizen);
            confirmButton_->setText(tr("Confirm rejection"));
            break;
        case ReviewDecision::Flag:
            text = tr("Flag the application of %1 for a senior reviewer?\n\nReason: %2\n\nNote: %3")
                       .arg(citizen_, ReviewLabels::reason(*d.reason), d.note);
            confirmButton_->setText(tr("Confirm flag"));
            break;
    }
    confirmation_->setText(text);
    confirmButton_->setAccessibleName(confirmButton_->text());
    pages_->setCurrentIndex(kConfirmPage);
    confirmButton_->setFocus();
}

void DecisionDialog::confirm() {
    if (!confirming()) return;
    emit decisionConfirmed(draft());
    accept();
}

void DecisionDialog::back() {
    pages_->setCurrentIndex(kChoicePage);
    if (QAbstractButton* radio = choices_->button(static_cast<int>(decision_))) radio->setFocus();
}

}  // namespace tessera::reviewer
