#pragma once
// The queue table's sorting (by each column's raw value) and local filtering (the same filter
// the server was asked for, so the table changes at once when the reviewer changes it).
#include <QSortFilterProxyModel>

#include "review/QueueFilter.h"

namespace tessera::reviewer {

class QueueFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit QueueFilterProxy(QObject* parent = nullptr);
    void setQueueFilter(const QueueFilter& filter);
    const QueueFilter& queueFilter() const { return filter_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QueueFilter filter_;
};

}  // namespace tessera::reviewer
