#include "ui/QueueFilterProxy.h"

#include "review/QueueModel.h"

namespace tessera::reviewer {

QueueFilterProxy::QueueFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(QueueModel::SortRole);
}

void QueueFilterProxy::setQueueFilter(const QueueFilter& filter) {
    filter_ = filter;
    invalidateFilter();
}

bool QueueFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* queue = qobject_cast<const QueueModel*>(sourceModel());
    const QueueItem* item = queue ? queue->itemAt(sourceRow) : nullptr;
    return item && filter_.accepts(*item);
}

}  // namespace tessera::reviewer
