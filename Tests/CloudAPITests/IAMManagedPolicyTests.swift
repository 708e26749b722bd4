import CloudEngine
import Foundation
import Testing

/// Managed policies, groups, paging and the principal simulator through the endpoint, with boto3.
@Suite("IAM managed policies, groups and paging with boto3", .serialized,
       .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct IAMManagedPolicyTests {
    @Test("A customer policy: versions, Scope=Local, OnlyAttached, entities, and DeleteConflict while attached")
    func customerPolicy() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, json
            iam = boto3.client("iam")
            doc = lambda action: json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]})
            arn = iam.create_policy(PolicyName="reader", Path="/team/", PolicyDocument=doc("s3:GetObject"), Description="reads")["Policy"]["Arn"]
            print("arn", arn.endswith(":policy/team/reader"))
            v2 = iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc("s3:ListBucket"), SetAsDefault=True)["PolicyVersion"]
            print("v2", v2["VersionId"], v2["IsDefaultVersion"])
            print("versions", [v["VersionId"] for v in iam.list_policy_versions(PolicyArn=arn)["Versions"]])
            got = iam.get_policy_version(PolicyArn=arn, VersionId="v1")["PolicyVersion"]
            print("v1 document", got["Document"]["Statement"][0]["Action"])
            print("default", iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"])
            print("local", [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]])
            print("attached before", [p["PolicyName"] for p in iam.list_policies(Scope="Local", OnlyAttached=True)["Policies"]])
            iam.create_group(GroupName="readers")
            iam.attach_group_policy(GroupName="readers", PolicyArn=arn)
            print("attached after", [p["PolicyName"] for p in iam.list_policies(Scope="Local", OnlyAttached=True)["Policies"]])
            print("prefix", [p["PolicyName"] for p in iam.list_policies(Scope="Local", PathPrefix="/other/")["Policies"]])
            entities = iam.list_entities_for_policy(PolicyArn=arn)
            print("groups", [(g["GroupName"], g["GroupId"][:4]) for g in entities["PolicyGroups"]], entities["PolicyUsers"])
            try:
                iam.delete_policy(PolicyArn=arn)
            except iam.exceptions.DeleteConflictException as e:
                print("conflict", e.response["Error"]["Code"])
            iam.detach_group_policy(GroupName="readers", PolicyArn=arn)
            iam.set_default_policy_version(PolicyArn=arn, VersionId="v1")
            iam.delete_policy_version(PolicyArn=arn, VersionId="v2")
            iam.delete_policy(PolicyArn=arn)
            print("deleted", iam.list_policies(Scope="Local")["Policies"])
            """)
        #expect(output.contains("arn True"))
        #expect(output.contains("v2 v2 True"))
        #expect(output.contains("versions ['v2', 'v1']"))
        #expect(output.contains("v1 document s3:GetObject"))
        #expect(output.contains("default v2"))
        #expect(output.contains("local ['reader']"))
        #expect(output.contains("attached before []"))
        #expect(output.contains("attached after ['reader']"))
        #expect(output.contains("prefix []"))
        #expect(output.contains("groups [('readers', 'AGPA')] []"))
        #expect(output.contains("conflict DeleteConflict"))
        #expect(output.contains("deleted []"))
    }

    @Test("Groups: members, groups for a user; ListUsers pages with Marker as boto3's paginator follows it")
    func groupsAndPaging() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3
            iam = boto3.client("iam")
            for name in ["u1", "u2", "u3", "u4", "u5"]:
                iam.create_user(UserName=name, Tags=[{"Key": "team", "Value": "blue"}])
            iam.create_group(GroupName="devs")
            iam.add_user_to_group(GroupName="devs", UserName="u2")
            iam.add_user_to_group(GroupName="devs", UserName="u4")
            print("members", [u["UserName"] for u in iam.get_group(GroupName="devs")["Users"]])
            print("groups", [g["GroupName"] for g in iam.list_groups_for_user(UserName="u4")["Groups"]])
            first = iam.list_users(MaxItems=2)
            print("first", [u["UserName"] for u in first["Users"]], first["IsTruncated"])
            pages = iam.get_paginator("list_users").paginate(PaginationConfig={"PageSize": 2})
            print("pages", [[u["UserName"] for u in page["Users"]] for page in pages])
            print("tags", iam.list_user_tags(UserName="u3")["Tags"])
            iam.remove_user_from_group(GroupName="devs", UserName="u2")
            print("after", [u["UserName"] for u in iam.get_group(GroupName="devs")["Users"]])
            """)
        #expect(output.contains("members ['u2', 'u4']"))
        #expect(output.contains("groups ['devs']"))
        #expect(output.contains("first ['u1', 'u2'] True"))
        #expect(output.contains("pages [['u1', 'u2'], ['u3', 'u4'], ['u5']]"))
        #expect(output.contains("tags [{'Key': 'team', 'Value': 'blue'}]"))
        #expect(output.contains("after ['u4']"))
    }

    @Test("SimulatePrincipalPolicy decides with the user's own policies, as a real call would be decided")
    func simulatePrincipalPolicy() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, json
            iam = boto3.client("iam")
            arn = iam.create_user(UserName="carol")["User"]["Arn"]
            iam.put_user_policy(UserName="carol", PolicyName="logs", PolicyDocument=json.dumps({"Version": "2012-10-17",
                "Statement": [{"Sid": "ReadLogs", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::logs/*"}]}))
            results = iam.simulate_principal_policy(PolicySourceArn=arn, ActionNames=["s3:GetObject", "s3:DeleteObject"],
                                                    ResourceArns=["arn:aws:s3:::logs/today.txt"])["EvaluationResults"]
            for r in results:
                print(r["EvalActionName"], r["EvalDecision"], [s["SourcePolicyId"] for s in r["MatchedStatements"]])
            try:
                iam.simulate_principal_policy(PolicySourceArn=arn.replace("carol", "dave"), ActionNames=["s3:GetObject"])
            except iam.exceptions.NoSuchEntityException:
                print("no dave")
            """)
        #expect(output.contains("s3:GetObject allowed ['logs']"))
        #expect(output.contains("s3:DeleteObject implicitDeny []"))
        #expect(output.contains("no dave"))
    }
}
