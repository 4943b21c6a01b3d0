// bertbench: starts the workbench window. Usage: bertbench [DATASET_FILE]
#include "window/main_window.h"
#include "session/workbench_types.h"

#include "distributed/local_launch.h"
#include "distributed/training_worker.h"
#include "kernels/matmul_backend.h"
#include "runtime/torch_runtime.h"

#include <QApplication>

#include <cstdio>
#include <string>

int main(int argc, char* argv[]) {
    // A worker of a data-parallel run the window started ("processes" > 1): no window.
    if (argc == 3 && std::string(argv[1]) == bertbench::kWorkerFlag) return bertbench::runTrainingWorker(argv[2]);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BertBench"));
    QApplication::setOrganizationDomain(QStringLiteral("bertbench.github.io"));
    QApplication::setApplicationName(QStringLiteral("BertBench"));
    QApplication::setApplicationVersion(QStringLiteral(BERTBENCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.bertbench.BertBench"));
    bertbench::configureTorchThreads();
    try {
        bertbench::matmulBackend();  // a misspelt BERTBENCH_MATMUL stops here, not in the first layer
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bertbench: %s\n", e.what());
        return 2;
    }
    registerWorkbenchMetaTypes();

    const QStringList args = QApplication::arguments();
    MainWindow window(args.size() > 1 ? args.at(1) : QString());
    window.show();
    return app.exec();
}
