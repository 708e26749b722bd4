#!/usr/bin/env python3
"""Regenerate Overcast's AWS managed policy catalog from the snapshot that ships with moto.

What it reads
    moto/iam/aws_managed_policies.py from the installed `moto` package (or the file
    given as the first argument). That file holds one JSON text, published by AWS and
    snapshotted by moto, mapping each policy name to its Path, DefaultVersionId,
    CreateDate, UpdateDate and Document. The text is pulled out with `ast` so no moto
    code runs. The snapshot has no descriptions, and it sorts every object's keys.

Which names it selects
    SELECTION below: the policies a learner of the services Overcast models (S3,
    Lambda, IAM, CloudWatch Logs, CloudWatch, SQS, SNS, DynamoDB, EventBridge, Step
    Functions, API Gateway, Kinesis, KMS, Secrets Manager, SSM, EC2 basics) would meet,
    plus the job-function policies. It is a hand-kept list, not a pattern, so that a new
    snapshot cannot quietly add or drop a policy: a selected name that is missing from
    the snapshot stops the script.

What it writes
    Sources/IAMPolicy/ManagedPolicies/<PolicyName>.json, one file per policy, with
    PolicyName, Arn, Path, Description (only when known, see below), DefaultVersionId,
    CreateDate, UpdateDate, Document and Source (the AWS reference page). Files of
    policies no longer selected are removed.

    What a file already says and the snapshot cannot say is kept: its Description, and
    its Document when the snapshot's document is the same policy up to member order (the
    existing files were copied from AWS's reference pages in their published order). A
    document that differs in substance is replaced by the snapshot's, with its members put
    in IAM's usual order (Version, Statement; Sid, Effect, Principal, Action, Resource,
    Condition) since the snapshot lost the published order.

How to rerun
    pip install moto  (or upgrade it for a newer snapshot)
    python3 scripts/import-managed-policies.py            # from the repository root
    git diff --stat Sources/IAMPolicy/ManagedPolicies      # review what AWS changed
Then run the catalog tests: swift test --filter ManagedPolicyCatalog
"""

import ast
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "IAMPolicy", "ManagedPolicies")
REFERENCE = "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/{}.html"

# The catalog, grouped by the service a learner meets it in. Keep each group sorted.
SELECTION = {
    "Job functions and account-wide": [
        "AdministratorAccess", "AdministratorAccess-AWSElasticBeanstalk", "AdministratorAccess-Amplify",
        "AWSManagementConsoleAdministratorAccess", "Billing", "DataScientist", "DatabaseAdministrator",
        "NetworkAdministrator", "PowerUserAccess", "ReadOnlyAccess", "SupportUser", "SystemAdministrator",
        "ViewOnlyAccess", "AWSBillingReadOnlyAccess", "AWSSupportAccess",
        "AWSCloudShellFullAccess", "AWSResourceGroupsReadOnlyAccess",
        "ResourceGroupsandTagEditorFullAccess", "ResourceGroupsandTagEditorReadOnlyAccess",
    ],
    "S3": [
        "AmazonS3ExpressFullAccess", "AmazonS3ExpressReadOnlyAccess", "AmazonS3FullAccess",
        "AmazonS3ObjectLambdaExecutionRolePolicy", "AmazonS3OutpostsFullAccess", "AmazonS3OutpostsReadOnlyAccess",
        "AmazonS3ReadOnlyAccess", "AmazonS3TablesFullAccess", "AmazonS3TablesReadOnlyAccess",
    ],
    "Lambda": [
        "AWSLambdaBasicDurableExecutionRolePolicy", "AWSLambdaBasicExecutionRole", "AWSLambdaDynamoDBExecutionRole",
        "AWSLambdaENIManagementAccess", "AWSLambdaExecute", "AWSLambdaInvocation-DynamoDB",
        "AWSLambdaKinesisExecutionRole", "AWSLambdaMSKExecutionRole", "AWSLambdaRole",
        "AWSLambdaSQSQueueExecutionRole", "AWSLambdaVPCAccessExecutionRole", "AWSLambda_FullAccess",
        "AWSLambda_ReadOnlyAccess", "CloudWatchLambdaInsightsExecutionRolePolicy",
        "AmazonEC2ContainerRegistryFullAccess", "AmazonEC2ContainerRegistryPowerUser",
        "AmazonEC2ContainerRegistryPullOnly", "AmazonEC2ContainerRegistryReadOnly",
        "AWSXRayDaemonWriteAccess", "AWSXrayFullAccess", "AWSXrayReadOnlyAccess", "AWSXrayWriteOnlyAccess",
    ],
    "IAM and STS": [
        "IAMAccessAdvisorReadOnly", "IAMAccessAnalyzerFullAccess", "IAMAccessAnalyzerReadOnlyAccess",
        "IAMFullAccess", "IAMReadOnlyAccess", "IAMSelfManageServiceSpecificCredentials",
        "IAMUserChangePassword", "IAMUserSSHKeys",
    ],
    "CloudWatch Logs": [
        "CloudWatchLogsCrossAccountSharingConfiguration", "CloudWatchLogsFullAccess", "CloudWatchLogsReadOnlyAccess",
    ],
    "CloudWatch": [
        "CloudWatchActionsEC2Access", "CloudWatchAgentAdminPolicy", "CloudWatchAgentServerPolicy",
        "CloudWatchAutomaticDashboardsAccess", "CloudWatchCrossAccountSharingConfiguration", "CloudWatchFullAccess",
        "CloudWatchFullAccessV2", "CloudWatchReadOnlyAccess", "CloudWatchSyntheticsFullAccess",
        "CloudWatchSyntheticsReadOnlyAccess",
    ],
    "SQS": ["AmazonSQSFullAccess", "AmazonSQSReadOnlyAccess"],
    "SNS": ["AmazonSNSFullAccess", "AmazonSNSReadOnlyAccess", "AmazonSNSRole"],
    "DynamoDB": [
        "AmazonDynamoDBFullAccess", "AmazonDynamoDBFullAccess_v2", "AmazonDynamoDBFullAccesswithDataPipeline",
        "AmazonDynamoDBReadOnlyAccess",
    ],
    "EventBridge": [
        "AmazonEventBridgeFullAccess", "AmazonEventBridgePipesFullAccess", "AmazonEventBridgePipesOperatorAccess",
        "AmazonEventBridgePipesReadOnlyAccess", "AmazonEventBridgeReadOnlyAccess",
        "AmazonEventBridgeSchedulerFullAccess", "AmazonEventBridgeSchedulerReadOnlyAccess",
        "AmazonEventBridgeSchemasFullAccess", "AmazonEventBridgeSchemasReadOnlyAccess",
        "CloudWatchEventsBuiltInTargetExecutionAccess", "CloudWatchEventsFullAccess",
        "CloudWatchEventsInvocationAccess", "CloudWatchEventsReadOnlyAccess",
    ],
    "Step Functions": [
        "AWSStepFunctionsConsoleFullAccess", "AWSStepFunctionsFullAccess", "AWSStepFunctionsReadOnlyAccess",
    ],
    "API Gateway": [
        "AmazonAPIGatewayAdministrator", "AmazonAPIGatewayInvokeFullAccess", "AmazonAPIGatewayPushToCloudWatchLogs",
    ],
    "Kinesis": [
        "AmazonKinesisAnalyticsFullAccess", "AmazonKinesisAnalyticsReadOnly", "AmazonKinesisFirehoseFullAccess",
        "AmazonKinesisFirehoseReadOnlyAccess", "AmazonKinesisFullAccess", "AmazonKinesisReadOnlyAccess",
        "AmazonKinesisVideoStreamsFullAccess", "AmazonKinesisVideoStreamsReadOnlyAccess",
    ],
    "KMS": ["AWSKeyManagementServicePowerUser"],
    "Secrets Manager": ["AWSSecretsManagerClientReadOnlyAccess", "SecretsManagerReadWrite"],
    "SSM Parameter Store and Systems Manager": [
        "AmazonEC2RoleforSSM", "AmazonSSMAutomationApproverAccess", "AmazonSSMAutomationRole", "AmazonSSMFullAccess",
        "AmazonSSMMaintenanceWindowRole", "AmazonSSMManagedEC2InstanceDefaultPolicy", "AmazonSSMManagedInstanceCore",
        "AmazonSSMPatchAssociation", "AmazonSSMReadOnlyAccess",
    ],
    "EC2 basics": [
        "AmazonEC2FullAccess", "AmazonEC2ReadOnlyAccess", "AmazonVPCFullAccess", "AmazonVPCReadOnlyAccess",
        "AutoScalingFullAccess", "AutoScalingReadOnlyAccess", "EC2InstanceConnect", "ElasticLoadBalancingFullAccess",
        "ElasticLoadBalancingReadOnly",
    ],
    "Around the edges (CloudFormation, CloudTrail, SES)": [
        "AWSCloudFormationFullAccess", "AWSCloudFormationReadOnlyAccess", "AWSCloudTrail_FullAccess",
        "AWSCloudTrail_ReadOnlyAccess", "AmazonSESFullAccess", "AmazonSESReadOnlyAccess",
    ],
}

DOCUMENT_ORDER = ["Version", "Id", "Statement"]
STATEMENT_ORDER = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
                   "Condition"]


def snapshot_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    import importlib.util
    spec = importlib.util.find_spec("moto")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("moto is not installed: pip install moto, or pass the path of aws_managed_policies.py")
    return os.path.join(list(spec.submodule_search_locations)[0], "iam", "aws_managed_policies.py")


def read_snapshot(path):
    """The snapshot's JSON text, taken from the module's one string assignment without running it."""
    for node in ast.parse(open(path, encoding="utf-8").read()).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return json.loads(node.value.value)
    sys.exit(f"{path} holds no policy snapshot")


def moto_version():
    try:
        from importlib.metadata import version
        return version("moto")
    except Exception:
        return "unknown"


def ordered(mapping, order):
    keys = [k for k in order if k in mapping] + sorted(k for k in mapping if k not in order)
    return {k: mapping[k] for k in keys}


def in_iam_order(document):
    """The snapshot's document with members in the order IAM's pages usually show them."""
    document = ordered(document, DOCUMENT_ORDER)
    statements = document.get("Statement")
    if isinstance(statements, list):
        document["Statement"] = [ordered(s, STATEMENT_ORDER) if isinstance(s, dict) else s for s in statements]
    elif isinstance(statements, dict):
        document["Statement"] = ordered(statements, STATEMENT_ORDER)
    return document


def canonical(value):
    return json.dumps(value, sort_keys=True)


def main():
    snapshot = read_snapshot(snapshot_path())
    names = [name for group in SELECTION.values() for name in group]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    missing = [n for n in names if n not in snapshot]
    if duplicates or missing:
        sys.exit(f"selection problems: duplicates {duplicates}, missing from the snapshot {missing}")

    report = {"kept document": [], "replaced document": [], "new": []}
    for name in sorted(names):
        entry = snapshot[name]
        target = os.path.join(OUTPUT, name + ".json")
        existing = json.load(open(target, encoding="utf-8")) if os.path.exists(target) else None
        document = in_iam_order(entry["Document"])
        if existing is None:
            report["new"].append(name)
        elif canonical(existing.get("Document")) == canonical(entry["Document"]):
            document = existing["Document"]
            report["kept document"].append(name)
        else:
            report["replaced document"].append(f"{name} ({existing.get('DefaultVersionId')} -> {entry['DefaultVersionId']})")
        record = {
            "PolicyName": name,
            "Arn": f"arn:aws:iam::aws:policy{entry['Path']}{name}",
            "Path": entry["Path"],
        }
        if existing and existing.get("Description"):
            record["Description"] = existing["Description"]
        record.update({
            "DefaultVersionId": entry["DefaultVersionId"],
            "CreateDate": entry["CreateDate"],
            "UpdateDate": entry["UpdateDate"],
            "Document": document,
            "Source": REFERENCE.format(name),
        })
        with open(target, "w", encoding="utf-8") as out:
            json.dump(record, out, indent=2, ensure_ascii=False)
            out.write("\n")

    selected = {n + ".json" for n in names}
    removed = sorted(f for f in os.listdir(OUTPUT) if f.endswith(".json") and f not in selected)
    for file in removed:
        os.remove(os.path.join(OUTPUT, file))

    print(f"{len(names)} policies from moto {moto_version()}'s snapshot")
    for kind, items in report.items():
        print(f"{kind}: {len(items)}" + ("".join(f"\n  {i}" for i in items) if kind != "new" else ""))
    if removed:
        print("removed: " + ", ".join(removed))


if __name__ == "__main__":
    main()
