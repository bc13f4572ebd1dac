#pragma once
// The decision on a case, in two steps. First the reviewer chooses approve, reject or flag;
// a rejection takes a reason (only those that apply to rejections, from shared/
// DecisionReason.h) and a message the citizen will read, a flag a reason and a note for the
// senior reviewer; what is missing is said inline (the server's own rules, DecisionDraft).
// Then a confirmation names the citizen and the decision, and only "Confirm" sends it
// (decisionConfirmed). Alt+A / Alt+R / Alt+F choose the decision.
#include <QDialog>

#include "review/DecisionDraft.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace tessera::reviewer {

class DecisionDialog : public QDialog {
    Q_OBJECT

public:
    // `citizenName` as the confirmation names them ("Eilidh Mairi MacLeod").
    DecisionDialog(const QString& citizenName, ReviewDecision initial, QWidget* parent = nullptr);

    DecisionDraft draft() const;
    ReviewDecision decision() const { return decision_; }
    // The problem shown inline (empty when there is none, or none shown yet).
    QString problem() const;
    bool confirming() const;
    QString confirmationText() const;
    // The reasons the reason box offers now (those that apply to the chosen decision).
    QList<DecisionReason> offeredReasons() const;

public slots:
    void setDecision(ReviewDecision decision);
    void setReason(DecisionReason reason);
    void setMessage(const QString& message);
    void setNote(const QString& note);
    // "Continue": shows what is missing, or moves to the confirmation.
    void proceed();
    // "Confirm": sends the decision and closes; only from the confirmation.
    void confirm();
    // Back from the confirmation to change the decision.
    void back();

signals:
    void decisionConfirmed(const DecisionDraft& draft);

private:
    QWidget* buildChoicePage();
    QWidget* buildConfirmPage();
    void fillReasons();
    void updateFields();
    void showProblem(const QString& problem);

    QString citizen_;
    ReviewDecision decision_ = ReviewDecision::Approve;
    QStackedWidget* pages_ = nullptr;
    QButtonGroup* choices_ = nullptr;
    QLabel* reasonLabel_ = nullptr;
    QComboBox* reason_ = nullptr;
    QLabel* messageLabel_ = nullptr;
    QPlainTextEdit* message_ = nullptr;
    QLabel* noteLabel_ = nullptr;
    QPlainTextEdit* note_ = nullptr;
    QLabel* problem_ = nullptr;
    QLabel* confirmation_ = nullptr;
    QPushButton* confirmButton_ = nullptr;
};

}  // namespace tessera::reviewer
