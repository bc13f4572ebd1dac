#pragma once
// The review queue: a table of cases (sortable by any column), a filter by state and evidence
// with the count of each state, refresh, and "claim next" on one key. Keys: N claims the next
// case of the current filter, Enter opens the selected case, F5 (or Ctrl+R) refreshes, the
// arrow keys and Page Up/Down move through the table (more pages load as it scrolls), Alt+S
// and Alt+E reach the filters. It never talks to the server: it says what it wants with
// signals and is given pages, counts and problems.
#include <QWidget>

#include "review/QueueFilter.h"
#include "review/QueueModel.h"
#include "review/StateCounts.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace tessera::reviewer {

class QueueFilterProxy;

class QueueView : public QWidget {
    Q_OBJECT

public:
    explicit QueueView(QWidget* parent = nullptr);

    QueueModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QueueFilter filter() const;
    void setFilter(const QueueFilter& filter);
    void setCounts(const StateCounts& counts);
    // A problem a person can act on ("The server cannot be reached…"); empty hides it.
    void showProblem(const QString& message);
    // While a request is on its way: refresh and claim-next wait for it.
    void setBusy(bool busy);
    QString selectedCaseId() const;
    void selectCase(const QString& caseId);

public slots:
    void requestRefresh();
    void requestClaimNext();
    void openSelected();

signals:
    void refreshRequested(const QueueFilter& filter);
    void morePagesWanted(const QueueFilter& filter, const QString& cursor);
    void claimNextRequested(const QueueFilter& filter);
    void caseOpenRequested(const QString& caseId);

private:
    QWidget* buildFilterBar();
    void fillStateChoices();
    void applyFilter();
    void updateStatus();

    QueueModel* model_ = nullptr;
    QueueFilterProxy* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QComboBox* stateBox_ = nullptr;
    QComboBox* evidenceBox_ = nullptr;
    QLabel* counts_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* problem_ = nullptr;
    QPushButton* refresh_ = nullptr;
    QPushButton* claimNext_ = nullptr;
    QPushButton* open_ = nullptr;
    StateCounts stateCounts_;
    bool busy_ = false;
};

}  // namespace tessera::reviewer
