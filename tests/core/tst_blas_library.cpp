// Which BLAS the matrix products run on, told by the file that defines sgemm_
// (LibTorch maps libopenblas.so.0 even when libblas.so.3 is the slow one).
// tst_cli runs the program on the reference BLAS and checks its warning.
#include "runtime/blas_library.h"

#include <QtTest>

using namespace bertbench;

class TestBlasLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filesAreNamed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("library");
        QTest::newRow("Debian's reference BLAS") << "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"
                                                 << int(BlasLibrary::Reference);
        QTest::newRow("OpenBLAS, OpenMP") << "/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3"
                                          << int(BlasLibrary::OpenBlas);
        QTest::newRow("OpenBLAS, pthreads") << "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0"
                                            << int(BlasLibrary::OpenBlas);
        QTest::newRow("BLIS") << "/usr/lib/x86_64-linux-gnu/blis-openmp/libblas.so.3" << int(BlasLibrary::Blis);
        QTest::newRow("MKL") << "/opt/intel/lib/libmkl_rt.so.2" << int(BlasLibrary::Mkl);
        QTest::newRow("ATLAS") << "/usr/lib/x86_64-linux-gnu/atlas/libblas.so.3" << int(BlasLibrary::Atlas);
        QTest::newRow("inside another library") << "/usr/lib/libsomething.so" << int(BlasLibrary::Unknown);
    }
    void filesAreNamed() {
        QFETCH(QString, path);
        QFETCH(int, library);
        QCOMPARE(int(blasLibraryOfFile(path.toStdString())), library);
    }
};

QTEST_GUILESS_MAIN(TestBlasLibrary)
#include "tst_blas_library.moc"
