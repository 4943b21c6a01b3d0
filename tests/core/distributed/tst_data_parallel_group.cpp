// The data-parallel building blocks, with two ranks as two threads of this
// process on loopback: the launch variables, shares of a batch, gradient
// reduction (buckets, parameters without a gradient), sharded evaluation
// against one process's, and the replica check.
#include "common/errors.h"
#include "distributed/data_parallel_group.h"
#include "distributed/example_shard.h"
#include "distributed/gradient_reducer.h"
#include "distributed/replica_check.h"
#include "distributed/sharded_evaluation.h"
#include "training/evaluator.h"
#include "training_fixtures.h"

#include <QtTest>

#include <arpa/inet.h>
#include <cstdlib>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace bertbench;

namespace {

int freePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

// Runs body(group) as ranks 0 and 1, each on its own thread; returns what each threw ("" for nothing).
std::vector<std::string> onTwoRanks(const std::function<void(DataParallelGroup&)>& body) {
    const int port = freePort();
    std::vector<std::string> errors(2);
    std::vector<std::thread> threads;
    for (int rank = 0; rank < 2; ++rank)
        threads.emplace_back([&, rank] {
            try {
                LaunchEnvironment env;
                env.rank = env.localRank = rank;
                env.worldSize = env.localWorldSize = 2;
                env.masterPort = port;
                auto group = DataParallelGroup::join(env);
                body(*group);
            } catch (const std::exception& e) {
                errors[size_t(rank)] = e.what();
            }
        });
    for (auto& t : threads) t.join();
    return errors;
}

// What the ranks threw, for a failure message ("" when nothing).
QByteArray thrown(const std::vector<std::string>& errors) {
    QByteArray text;
    for (size_t r = 0; r < errors.size(); ++r)
        if (!errors[r].empty()) text += "rank " + QByteArray::number(int(r)) + ": " + errors[r].c_str() + "\n";
    return text;
}

void setVariables(const std::map<std::string, const char*>& variables) {
    for (const char* name : {"RANK", "LOCAL_RANK", "WORLD_SIZE", "LOCAL_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"})
        unsetenv(name);
    for (const auto& [name, value] : variables) setenv(name.c_str(), value, 1);
}

}  // namespace

class TestDataParallelGroup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setVariables({}); }

    void launchVariablesAreReadAsTorchrunSetsThem() {
        setVariables({});
        QVERIFY(!LaunchEnvironment::fromProcessEnvironment());
        setVariables({{"WORLD_SIZE", "1"}});
        QVERIFY(!LaunchEnvironment::fromProcessEnvironment());  // one process: nothing to join
        setVariables({{"RANK", "3"}, {"LOCAL_RANK", "1"}, {"WORLD_SIZE", "4"}, {"LOCAL_WORLD_SIZE", "2"},
                      {"MASTER_ADDR", "10.0.0.7"}, {"MASTER_PORT", "29511"}});
        const auto env = LaunchEnvironment::fromProcessEnvironment();
        QVERIFY(env);
        QCOMPARE(env->rank, 3);
        QCOMPARE(env->localRank, 1);
        QCOMPARE(env->worldSize, 4);
        QCOMPARE(env->localWorldSize, 2);
        QCOMPARE(env->masterAddress, std::string("10.0.0.7"));
        QCOMPARE(env->masterPort, 29511);
        QCOMPARE(env->variables().at("RANK"), std::string("3"));
    }

    void badLaunchVariablesAreNamed_data() {
        QTest::addColumn<QString>("rank");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("message");
        QTest::newRow("rank too large") << "2" << "29500" << "RANK=2 is not a whole number from 0 to 1";
        QTest::newRow("rank not a number") << "one" << "29500" << "RANK=one is not a whole number";
        QTest::newRow("port out of range") << "0" << "70000" << "MASTER_PORT=70000 is not a whole number from 1 to 65535";
        QTest::newRow("rank missing") << "" << "29500" << "WORLD_SIZE is set but RANK is not";
    }
    void badLaunchVariablesAreNamed() {
        QFETCH(QString, rank);
        QFETCH(QString, port);
        QFETCH(QString, message);
        const auto rankText = rank.toStdString(), portText = port.toStdString();
        std::map<std::string, const char*> variables{{"WORLD_SIZE", "2"}, {"MASTER_ADDR", "127.0.0.1"},
                                                     {"MASTER_PORT", portText.c_str()}};
        if (!rankText.empty()) variables["RANK"] = rankText.c_str();
        setVariables(variables);
        try {
            LaunchEnvironment::fromProcessEnvironment();
            QFAIL("accepted");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void sharesAreContiguousAndCoverTheBatch() {
        const std::vector<size_t> batch{10, 11, 12, 13, 14};
        QCOMPARE(shardOf(batch, 0, 2), std::vector<size_t>({10, 11}));
        QCOMPARE(shardOf(batch, 1, 2), std::vector<size_t>({12, 13, 14}));
        QCOMPARE(shardOf(std::vector<size_t>{7}, 0, 2), std::vector<size_t>());  // a rank may get nothing
        QCOMPARE(shardOf(std::vector<size_t>{7}, 1, 2), std::vector<size_t>({7}));
        for (int world : {1, 2, 3, 8}) {
            size_t covered = 0;
            for (int r = 0; r < world; ++r) {
                const auto [begin, end] = shardRange(37, r, world);
                QCOMPARE(begin, covered);
                covered = end;
            }
            QCOMPARE(covered, size_t(37));
        }
    }

    void collectivesReachEveryRank() {
        const auto errors = onTwoRanks([](DataParallelGroup& group) {
            auto values = torch::full({3}, double(group.rank() + 1), torch::kFloat64);
            group.allReduceSum(values);
            if (values[2].item<double>() != 3.0) throw std::runtime_error("sum");
            auto highest = torch::tensor({double(group.rank())}, torch::kFloat64);
            group.allReduceMax(highest);
            if (highest.item<double>() != 1.0) throw std::runtime_error("max");
            const auto text = group.broadcastBytes(group.rank() == 0 ? "from rank 0" : "ignored");
            if (text != "from rank 0") throw std::runtime_error("broadcast: " + text);
            if (!group.broadcastBytes("").empty()) throw std::runtime_error("empty broadcast");
        });
        QVERIFY2(thrown(errors).isEmpty(), thrown(errors));
    }

    void gradientsAreSummedAndMissingOnesStayMissing() {
        const auto errors = onTwoRanks([](DataParallelGroup& group) {
            const int r = group.rank();
            // Three parameters, one bucket each (4 bytes: every tensor fills one).
            std::vector<torch::Tensor> parameters{torch::zeros({2}, torch::requires_grad()),
                                                  torch::zeros({3}, torch::requires_grad()),
                                                  torch::zeros({1}, torch::requires_grad())};
            parameters[0].mutable_grad() = torch::full({2}, float(r + 1));
            if (r == 0) parameters[1].mutable_grad() = torch::full({3}, 5.0f);  // rank 1's share was empty
            GradientReducer reducer(group, parameters, 4);
            if (reducer.bucketCount() != 3) throw std::runtime_error("buckets");
            reducer.reduce();
            if (!parameters[0].grad().defined() || parameters[0].grad()[1].item<float>() != 3.0f)
                throw std::runtime_error("summed gradient");
            if (!parameters[1].grad().defined() || parameters[1].grad()[2].item<float>() != 5.0f)
                throw std::runtime_error("one rank's gradient");
            if (parameters[2].grad().defined()) throw std::runtime_error("a gradient where no rank had one");
        });
        QVERIFY2(thrown(errors).isEmpty(), thrown(errors));
    }

    void shardedEvaluationGivesOneProcesssNumbers() {
        auto model = fixtures::tinyPreset({"dog first", "cat first"}, 5);
        const auto data = fixtures::wordOrderTask(37, 3);  // odd: the shares differ in size
        const auto encoded = encodeDataset(data, *model->tokenizer, 64);
        const auto single = evaluateClassifier(*model->model, encoded, model->tokenizer->padId(), 8, torch::kCPU).metrics;
        std::vector<ClassificationMetrics> sharded(2);
        // Each rank its own replica, made here: initialisation seeds torch's global generator.
        std::vector<std::shared_ptr<ModelBundle>> replicas{fixtures::tinyPreset({"dog first", "cat first"}, 5),
                                                           fixtures::tinyPreset({"dog first", "cat first"}, 5)};
        const auto errors = onTwoRanks([&](DataParallelGroup& group) {
            auto& replica = *replicas[size_t(group.rank())];
            sharded[size_t(group.rank())] =
                evaluateClassifierSharded(group, *replica.model, encoded, replica.tokenizer->padId(), 8, torch::kCPU);
        });
        QVERIFY2(thrown(errors).isEmpty(), thrown(errors));
        for (const auto& m : sharded) {
            QCOMPARE(m.count, single.count);
            QCOMPARE(m.accuracy, single.accuracy);
            QCOMPARE(m.mcc, single.mcc);
            QVERIFY(std::abs(m.loss - single.loss) < 1e-6);
        }
    }

    void divergedReplicasAreALoudFailure() {
        const auto same = onTwoRanks([](DataParallelGroup& group) {
            checkReplicasAgree(group, {torch::arange(5, torch::kFloat32)});
        });
        QVERIFY2(thrown(same).isEmpty(), thrown(same));
        const auto differing = onTwoRanks([](DataParallelGroup& group) {
            group.setPhase("step 50");
            auto p = torch::arange(5, torch::kFloat32);
            if (group.rank() == 1) p[4] = std::nextafter(4.0f, 5.0f);  // one bit apart
            checkReplicasAgree(group, {p});
        });
        for (const auto& error : differing)
            QVERIFY2(QString::fromStdString(error).contains("at step 50: the model replicas diverged: the parameters of "
                                                            "rank(s) 1 differ from rank 0's"),
                     error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDataParallelGroup)
#include "tst_data_parallel_group.moc"
