// RefreshWhenShown: work a view does only while someone can see it — an
// attribution costs dozens of passes through the model, so a hidden tab that
// is asked to update only remembers it and does the work when it is next
// shown. request() runs the work at once if the view is visible.
#pragma once

#include <QObject>
#include <functional>

class QWidget;

class RefreshWhenShown : public QObject {
public:
    RefreshWhenShown(QWidget* view, std::function<void()> work);  // owned by the view

    void request();
    bool pending() const { return pending_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* view_;
    std::function<void()> work_;
    bool pending_ = false;
};
