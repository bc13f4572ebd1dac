#pragma once
// One case for the reviewer holding it: who the citizen is and where the case stands; the
// claims beside the document and the register checks, mismatches highlighted; the document's
// back and front side by side with the selfie video beside the front and the frame captured
// from it below the video; the history with its notes, and a box to add a note. Decisions:
// the buttons or A (approve), R (reject), F (flag) open the decision dialog; what the reviewer
// confirms leaves as decisionRequested. Photos and video arrive through setMediaData after
// mediaWanted, and stay in memory only.
#include <QHash>
#include <QSet>
#include <QPointer>
#include <QWidget>

#include "review/CaseDetail.h"
#include "review/DecisionDraft.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace tessera::reviewer {

class ClaimsComparisonModel;
class DecisionDialog;
class HistoryModel;
class ImageViewer;
class VideoPanel;

class CaseView : public QWidget {
    Q_OBJECT

public:
    explicit CaseView(QWidget* parent = nullptr);

    void setCase(const CaseDetail& detail);
    // Closes the case: the person's data, photos and video are dropped from memory.
    void clear();
    bool hasCase() const { return !case_.id.isEmpty(); }
    const CaseDetail& currentCase() const { return case_; }
    // Whether this reviewer can decide now (holds the case, and it waits for a decision).
    bool canDecide() const;

    // The bytes of a photo or the video asked for with mediaWanted (kept in memory only).
    void setMediaData(const QString& mediaId, const QByteArray& bytes);
    void setMediaProblem(const QString& mediaId, const QString& message);
    // The history entry a note became (the answer of POST .../notes): shown, and the box cleared.
    void noteAdded(const CaseEvent& event);
    void showProblem(const QString& message);
    // Names for account ids in the history ("You" for the signed-in reviewer).
    void setActorNames(const QHash<QString, QString>& names);

    ImageViewer* frontViewer() const { return front_; }
    ImageViewer* backViewer() const { return back_; }
    ImageViewer* stillViewer() const { return still_; }
    VideoPanel* videoPanel() const { return video_; }
    ClaimsComparisonModel* claimsModel() const { return claims_; }
    HistoryModel* historyModel() const { return history_; }
    QTabWidget* tabs() const { return tabs_; }
    QPlainTextEdit* noteBox() const { return noteBox_; }
    DecisionDialog* decisionDialog() const { return dialog_; }

public slots:
    void openDecision(ReviewDecision decision);
    void submitNote();

signals:
    void mediaWanted(const QString& caseId, const CaseMedia& media);
    void noteRequested(const QString& caseId, const QString& note);
    void decisionRequested(const QString& caseId, const DecisionDraft& draft);
    void releaseRequested(const QString& caseId);

private:
    QWidget* buildHeader();
    QWidget* buildDetails();
    QWidget* buildMedia();
    void showHeader();
    void showDocumentChecks();
    ImageViewer* viewerFor(const QString& slot) const;

    CaseDetail case_;
    ClaimsComparisonModel* claims_ = nullptr;
    HistoryModel* history_ = nullptr;
    QLabel* name_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* problem_ = nullptr;
    QLabel* mismatches_ = nullptr;
    QLabel* documentChecks_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QTableView* claimsTable_ = nullptr;
    QTableView* historyTable_ = nullptr;
    QPlainTextEdit* noteBox_ = nullptr;
    QPushButton* addNote_ = nullptr;
    QList<QPushButton*> decisionButtons_;
    QPushButton* release_ = nullptr;
    ImageViewer* front_ = nullptr;
    ImageViewer* back_ = nullptr;
    ImageViewer* still_ = nullptr;
    VideoPanel* video_ = nullptr;
    QWidget* face_ = nullptr;
    QPointer<DecisionDialog> dialog_;
    QSet<QString> requested_;  // media asked for (and not failed) since the case was opened
};

}  // namespace tessera::reviewer
